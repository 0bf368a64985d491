using Microsoft.Playwright;
using ShopSync.Client;
using ShopSync.Contracts.V1;
using ShopSync.Testing;
using static Microsoft.Playwright.Assertions;

namespace ShopSync.Dashboard.Tests;

/// <summary>
/// A server of its own (it is stopped and started again), on loopback without <c>--auth required</c>: the page needs no
/// sign-in there, shows the lost-connection banner while the server is away, and its streams resume afterwards. It has
/// no OIDC configured: its sign-in form offers API keys only.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ReconnectTests(DashboardFixture fixture)
{
    static ReconnectTests() => SetDefaultExpectTimeout(30_000);

    [Fact]
    public async Task ServerRestart_WhileWatching_ShowsTheBannerThenResumesTheLiveView()
    {
        using var directory = new TempDirectory("shopsync-dashboard-reconnect");
        var db = directory.File("reconnect.db");
        var port = FreePort.Next();
        var web = $"http://127.0.0.1:{FreePort.Next()}";
        string[] args = ["--demo", "--web-urls", web];
        var server = await ServerProcess.StartAsync(db, args, port);
        try
        {
            await using var p = await fixture.OpenAsync();
            await p.Page.GotoAsync(web + "/shops");
            await Expect(p.Page.GetByTestId("who")).ToContainTextAsync("local · admin");
            await Expect(p.Page.GetByText("Anonymous local access")).ToBeVisibleAsync();
            await Expect(p.Page.GetByRole(AriaRole.Heading, new() { Name = "Shop demo" })).ToBeVisibleAsync();

            await server.StopAsync();
            await Expect(p.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Connection to the server lost" })).ToBeVisibleAsync();

            await server.DisposeAsync();
            server = await ServerProcess.StartAsync(db, args, port);
            await Expect(p.Page.Locator(".banner")).ToHaveCountAsync(0);

            // The resumed WatchSyncStatus brings a run that happens after the restart, without a reload.
            using var client = ShopSyncClient.Create(new ShopSyncClientOptions { Address = server.Address });
            await foreach (var _ in client.Jobs.EnqueueJobAsync(new EnqueueJobRequest { ShopCode = "demo", ReportId = fixture.SyncOrdersReportId, Mode = RunMode.Foreground }))
            {
            }
            await Expect(p.Page.GetByRole(AriaRole.Cell, new() { Name = "Sync Orders from Shopify" })).ToBeVisibleAsync();

            // Without Dashboard:Oidc the sign-in form offers API keys only, as it always did.
            await p.GoAsync("/?signin=1");
            await Expect(p.Page.GetByLabel("API key")).ToBeVisibleAsync();
            await Expect(p.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with" })).ToHaveCountAsync(0);
            await Expect(p.Page.GetByText("Single sign-on")).ToHaveCountAsync(0);
            p.AssertNoConsoleErrors(serverWasStopped: true);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
