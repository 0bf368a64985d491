using System.Text.Json;
using Microsoft.Playwright;
using ShopSync.Contracts.V1;
using static Microsoft.Playwright.Assertions;

namespace ShopSync.Dashboard.Tests;

/// <summary>
/// Renders are coalesced under a burst of events: the page's own record (<c>window.shopsyncLiveStats</c>: render
/// requests, and the performance.now() of each coalesced render) is read after a fast-progress run, and no second of
/// it holds more than ten renders.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class LiveRenderTests(DashboardFixture fixture)
{
    private const int Steps = 600;

    static LiveRenderTests() => SetDefaultExpectTimeout(60_000);

    [Fact]
    public async Task EntryPage_BurstOfProgressEvents_AtMostTenRendersInAnySecond()
    {
        // On hold until the page watches it; its own category, so nothing queued by other tests runs before it.
        var id = await fixture.EnqueueDiagnosticsAsync("progress burst", steps: Steps, stepMs: 2, onHold: true, category: "BURST");
        await using var p = await fixture.OpenAsync();
        await p.SignInAsAdminAsync("/entries/" + id);
        await Expect(p.Page.Locator(".entry-head .badge")).ToHaveTextAsync("On Hold");
        var before = await StatsAsync(p.Page);

        await fixture.Client.Jobs.SetJobReadyAsync(new SetJobReadyRequest { JobId = id });
        await Expect(p.Page.Locator(".entry-head")).ToContainTextAsync("Succeeded");
        var after = await StatsAsync(p.Page);

        var requests = after.Requests - before.Requests;
        var renders = after.Renders.Where(t => t > before.Renders.DefaultIfEmpty(0).Max()).ToList();
        // A burst: hundreds of events asked for a render (the server may fold some progress reports together).
        Assert.True(requests >= Steps / 3, $"only {requests} render requests for {Steps} progress steps: no burst to coalesce");
        Assert.True(renders.Count >= 2, $"{renders.Count} renders: the run was not drawn live");
        var busiest = renders.Max(start => renders.Count(t => t >= start && t < start + 1000));
        Console.WriteLine($"{requests} render requests, {renders.Count} renders, at most {busiest} in one second");
        Assert.True(busiest <= 10, $"{busiest} renders within one second (renders at {string.Join(", ", renders.Select(t => t.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))} ms)");
        p.AssertNoConsoleErrors();
    }

    private sealed record Stats(int Requests, double[] Renders);

    private static async Task<Stats> StatsAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>("() => JSON.stringify(window.shopsyncLiveStats)");
        using var doc = JsonDocument.Parse(json);
        return new Stats(doc.RootElement.GetProperty("requests").GetInt32(),
            [.. doc.RootElement.GetProperty("renders").EnumerateArray().Select(e => e.GetDouble())]);
    }
}
