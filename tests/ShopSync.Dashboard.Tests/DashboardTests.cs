using Microsoft.Playwright;
using ShopSync.Contracts.V1;
using static Microsoft.Playwright.Assertions;

namespace ShopSync.Dashboard.Tests;

/// <summary>The dashboard in Chromium against the real server: sign-in, the queue, live progress, controls, access.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardTests(DashboardFixture fixture)
{
    static DashboardTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task SignIn_AdminKey_ShowsPrincipalAndTheDemoQueue()
    {
        await fixture.EnqueueDiagnosticsAsync("demo queue entry", steps: 1, stepMs: 1, onHold: true);
        await using var p = await fixture.OpenAsync();
        await p.Page.GotoAsync("/");
        await Expect(p.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to ShopSync" })).ToBeVisibleAsync();
        await p.SignInAsAdminAsync();
        await Expect(p.Page.GetByTestId("who")).ToContainTextAsync("root · admin");
        await Expect(p.Page.GetByTestId("category").First).ToContainTextAsync("On Hold");

        await p.Page.GetByRole(AriaRole.Link, new() { Name = "Entries" }).ClickAsync();
        await Expect(p.Page.GetByTestId("entries")).ToContainTextAsync("demo queue entry");
        p.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task SignIn_RefusedKey_SaysSoAtTheForm()
    {
        await using var p = await fixture.OpenAsync();
        await p.Page.GotoAsync("/");
        await p.Page.GetByLabel("API key").FillAsync("ssk_not-a-key");
        await p.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(p.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The key was refused");
        await Expect(p.Page.GetByLabel("API key")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task DeepLink_ToAnEntry_SurvivesSignIn()
    {
        var id = await fixture.EnqueueDiagnosticsAsync("deep link entry", steps: 1, stepMs: 1, onHold: true);
        await using var p = await fixture.OpenAsync();
        await p.SignInAsAdminAsync("/entries/" + id);
        await Expect(p.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("deep link entry");
        Assert.EndsWith("/entries/" + id, p.Page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.AdminKey, p.Page.Url, StringComparison.Ordinal);
        p.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task StartSync_ForegroundSyncOrders_ProgressBarReaches100()
    {
        await using var p = await fixture.OpenAsync();
        await p.SignInAsAdminAsync($"/start?task={fixture.SyncOrdersReportId}&shop=demo");
        await Expect(p.Page.GetByLabel("Task")).ToHaveValueAsync(fixture.SyncOrdersReportId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await p.Page.GetByLabel("Foreground (watch here)").CheckAsync();
        await p.Page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();

        var run = p.Page.GetByTestId("foreground-run");
        await Expect(run.Locator("progress")).ToHaveAttributeAsync("value", "100", new() { Timeout = 60_000 });
        await Expect(run.GetByTestId("percent")).ToHaveTextAsync("100 %");
        await Expect(run).ToContainTextAsync("Done: Succeeded", new() { Timeout = 60_000 });
        p.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Cancel_RunningDiagnosticsEntry_EndsCancelled()
    {
        var id = await fixture.EnqueueDiagnosticsAsync("long diagnostics", steps: 600, stepMs: 100);
        await using var p = await fixture.OpenAsync();
        await p.SignInAsAdminAsync("/entries/" + id);
        await Expect(p.Page.Locator(".entry-head .badge")).ToHaveTextAsync("In Process", new() { Timeout = 60_000 });

        await p.Page.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        var dialog = p.Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Cancel entry");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel entry" }).ClickAsync();

        await Expect(p.Page.Locator(".entry-head")).ToContainTextAsync("Cancelled");
        var job = await fixture.Client.Jobs.GetJobAsync(new GetJobRequest { JobId = id });
        Assert.Equal(JobResult.Cancelled, job.Job.LastResult);
        p.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Entries_FilterByShop_ShowsOnlyThatShopsEntries()
    {
        await fixture.EnqueueDiagnosticsAsync("entry of shop eu", steps: 1, stepMs: 1, onHold: true, shop: "eu");
        await fixture.EnqueueDiagnosticsAsync("entry of shop demo", steps: 1, stepMs: 1, onHold: true);
        await using var p = await fixture.OpenAsync();
        await p.SignInAsAdminAsync("/entries");
        await Expect(p.Page.GetByTestId("entries")).ToContainTextAsync("entry of shop demo");

        await p.Page.GetByLabel("Shop", new() { Exact = true }).SelectOptionAsync("eu");
        await p.Page.GetByRole(AriaRole.Button, new() { Name = "Apply filter" }).ClickAsync();
        await Expect(p.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("shop=eu"));
        var table = p.Page.GetByTestId("entries");
        await Expect(table).ToContainTextAsync("entry of shop eu");
        await Expect(table).Not.ToContainTextAsync("entry of shop demo");
        var shops = await table.Locator("tbody tr td:nth-child(4)").AllTextContentsAsync();
        Assert.All(shops, s => Assert.Equal("eu", s));
        p.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task BulkHold_OnAFilter_ConfirmsTheCountAndHoldsEveryMatch()
    {
        var tag = "bulk-" + Guid.NewGuid().ToString("N")[..8];
        var later = DateTimeOffset.UtcNow.AddHours(1);
        for (var i = 0; i < 3; i++)
        {
            await fixture.EnqueueDiagnosticsAsync($"{tag} {i}", steps: 1, stepMs: 1, earliestStart: later);
        }
        await using var p = await fixture.OpenAsync();
        await p.SignInAsAdminAsync("/entries?q=" + tag);
        await Expect(p.Page.GetByTestId("entries").Locator("tbody tr")).ToHaveCountAsync(3);

        await p.Page.GetByRole(AriaRole.Button, new() { Name = "Hold all" }).ClickAsync();
        var dialog = p.Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Hold 3 entries matching this filter?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Hold 3" }).ClickAsync();
        await Expect(p.Page.GetByText("3 of 3 set On Hold.")).ToBeVisibleAsync();
        await Expect(p.Page.GetByTestId("entries").Locator(".badge", new() { HasText = "On Hold" })).ToHaveCountAsync(3);

        var listed = await fixture.Client.Jobs.ListJobsAsync(new ListJobsRequest { Text = tag });
        Assert.Equal(3, listed.Jobs.Count);
        Assert.All(listed.Jobs, j => Assert.Equal(JobStatus.OnHold, j.Status));
        p.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Viewer_SeesNoControls()
    {
        var id = await fixture.EnqueueDiagnosticsAsync("entry a viewer reads", steps: 1, stepMs: 1, onHold: true);
        await using var p = await fixture.OpenAsync();
        await p.SignInAsync("/entries/" + id, fixture.ViewerKey, "viewer");
        await Expect(p.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("entry a viewer reads");
        await Expect(p.Page.GetByRole(AriaRole.Heading, new() { Name = "Events" })).ToBeVisibleAsync();
        foreach (var control in new[] { "Hold", "Set Ready", "Restart", "Run now", "Cancel", "Delete" })
        {
            await Expect(p.Page.GetByRole(AriaRole.Button, new() { Name = control, Exact = true })).ToHaveCountAsync(0);
        }

        await p.GoAsync("/entries");
        await Expect(p.Page.GetByTestId("entries")).ToContainTextAsync("entry a viewer reads");
        await Expect(p.Page.GetByRole(AriaRole.Group, new() { Name = "Bulk actions" })).ToHaveCountAsync(0);
        await Expect(p.Page.GetByTestId("entries").Locator("input[type=checkbox]")).ToHaveCountAsync(0);

        await p.GoAsync("/start");
        await Expect(p.Page.GetByText("Your role may not queue syncs")).ToBeVisibleAsync();
        await Expect(p.Page.GetByRole(AriaRole.Button, new() { Name = "Start" })).ToHaveCountAsync(0);
        p.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task StartSync_InvalidOption_ShowsTheServersMessageAtThatField()
    {
        await using var p = await fixture.OpenAsync();
        await p.SignInAsAdminAsync("/start?task=90001&shop=demo");
        var steps = p.Page.GetByLabel("steps", new() { Exact = true });
        await steps.FillAsync("many");
        await p.Page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();

        var error = p.Page.Locator("#option-steps-error");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).Not.ToBeEmptyAsync();
        await Expect(steps).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(steps).ToBeFocusedAsync();
        p.AssertNoConsoleErrors();
    }
}
