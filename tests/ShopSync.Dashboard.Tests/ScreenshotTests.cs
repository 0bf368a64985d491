using Microsoft.Playwright;
using ShopSync.Contracts.V1;
using ShopSync.Testing;
using static Microsoft.Playwright.Assertions;

namespace ShopSync.Dashboard.Tests;

/// <summary>
/// Every page at 1280 and 390 px wide (the sign-in with OIDC offered, and the new-schedule form with its preview; the overview also in dark): it renders without console errors and without a
/// horizontal scroll bar at 390 px. The screenshots go to the test's output folder, or to docs/dashboard/ with
/// <c>SHOPSYNC_DASHBOARD_SCREENSHOTS=docs</c> (how the committed ones were made).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ScreenshotTests(DashboardFixture fixture)
{
    static ScreenshotTests() => SetDefaultExpectTimeout(20_000);

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task EveryPage_AtThisWidth_RendersWithoutErrorsOrSidewaysScrolling(int width, int height)
    {
        var entry = await FinishedEntryAsync();
        await EnsureScheduleAsync();
        var scene = await BusyCategoryAsync();
        try
        {
            await ShootEveryPageAsync(width, height, entry);
        }
        finally
        {
            // Whatever of the scene has not ended (a bulk cancel skips what already has).
            await fixture.Client.Jobs.BulkUpdateJobsAsync(new BulkUpdateJobsRequest { Action = BulkAction.Cancel, Ids = new JobIdList { JobIds = { scene } } });
        }
    }

    private async Task ShootEveryPageAsync(int width, int height, string entry)
    {
        await using var p = await fixture.OpenAsync(width, height);
        await p.Page.GotoAsync("/");
        await Expect(p.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with " })).ToBeVisibleAsync();
        await ShootAsync(p.Page, "signin", width);
        await p.SignInAsAdminAsync();

        var pages = new (string Name, string Path, Func<IPage, Task> Ready)[]
        {
            ("overview", "/", pg => Expect(pg.GetByTestId("category").First).ToBeVisibleAsync()),
            ("entries", "/entries", pg => Expect(pg.GetByTestId("entries")).ToBeVisibleAsync()),
            ("entry", "/entries/" + entry, pg => Expect(pg.GetByRole(AriaRole.Heading, new() { Name = "Runs" })).ToBeVisibleAsync()),
            ("start", $"/start?task={fixture.SyncOrdersReportId}&shop=demo", pg => Expect(pg.GetByRole(AriaRole.Group, new() { Name = "Filters (empty: everything)" })).ToBeVisibleAsync()),
            ("schedules", "/schedules", pg => Expect(pg.GetByTestId("schedule").First).ToBeVisibleAsync()),
            ("shops", "/shops", pg => Expect(pg.GetByRole(AriaRole.Heading, new() { Name = "Task health" }).First).ToBeVisibleAsync()),
        };
        foreach (var (name, path, ready) in pages)
        {
            await p.GoAsync(path);
            await ready(p.Page);
            await Expect(p.Page.Locator(".notice.loading")).ToHaveCountAsync(0);
            await ShootAsync(p.Page, name, width);
        }

        // The new-schedule form with the server's preview of the next runs.
        await p.GoAsync("/schedules");
        await p.Page.GetByRole(AriaRole.Button, new() { Name = "New schedule" }).ClickAsync();
        await Expect(p.Page.GetByTestId("preview").Locator("li")).ToHaveCountAsync(5);
        await Expect(p.Page.GetByRole(AriaRole.Button, new() { Name = "Create schedule" })).ToBeEnabledAsync();
        await ShootAsync(p.Page, "schedules-new", width);
        if (width == 1280)
        {
            await p.Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
            await p.GoAsync("/");
            await Expect(p.Page.GetByTestId("category").First).ToBeVisibleAsync();
            await p.Page.ScreenshotAsync(new() { Path = Path.Combine(Folder, "overview-1280-dark.png"), FullPage = true });
        }
        p.AssertNoConsoleErrors();
    }

    private static async Task ShootAsync(IPage page, string name, int width)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - innerWidth");
        Assert.True(overflow <= 0, $"{name} at {width} px scrolls sideways by {overflow} px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"{name}-{width}.png"), FullPage = true });
    }

    private static string Folder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("SHOPSYNC_DASHBOARD_SCREENSHOTS") == "docs"
                ? RepositoryPaths.Combine("docs", "dashboard")
                : Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>
    /// Category DIAG with a running entry that has reported progress and two waiting behind it (its own category, so
    /// the other tests' entries never wait for it); cancelled after the screenshots.
    /// </summary>
    private async Task<List<string>> BusyCategoryAsync()
    {
        var running = await fixture.EnqueueDiagnosticsAsync("Diagnostics, 60 steps", steps: 60, stepMs: 500, category: "DIAG");
        var ids = new List<string> { running };
        for (var i = 1; i <= 2; i++)
        {
            ids.Add(await fixture.EnqueueDiagnosticsAsync($"Diagnostics waiting {i}", steps: 1, stepMs: 1, category: "DIAG"));
        }
        await foreach (var r in fixture.Client.Jobs.WatchJobAsync(new WatchJobRequest { JobId = running }))
        {
            if (r.Event?.KindCase == JobEvent.KindOneofCase.Progress && r.Event.Progress.Percent > 0)
            {
                break;
            }
        }
        return ids;
    }

    /// <summary>A diagnostics entry that ran to the end (so the entry page has events and a run).</summary>
    private async Task<string> FinishedEntryAsync()
    {
        var id = await fixture.EnqueueDiagnosticsAsync("short diagnostics", steps: 5, stepMs: 20);
        await foreach (var r in fixture.Client.Jobs.WatchJobAsync(new WatchJobRequest { JobId = id }))
        {
            if (r.Event?.KindCase == JobEvent.KindOneofCase.Completed)
            {
                break;
            }
        }
        return id;
    }

    /// <summary>A paused schedule (it queues nothing during the tests) for the schedules page.</summary>
    private async Task EnsureScheduleAsync()
    {
        var existing = await fixture.Client.Schedules.ListSchedulesAsync(new ListSchedulesRequest { ShopCode = "demo" });
        if (existing.Schedules.Count > 0)
        {
            return;
        }
        await fixture.Client.Schedules.ScheduleRecurringAsync(new ScheduleRecurringRequest
        {
            ShopCode = "demo",
            ReportId = fixture.SyncOrdersReportId,
            Description = "Orders every 15 minutes",
            OnHold = true,
            Schedule = new RecurringSchedule { TimeZone = "Europe/Oslo", Cron = new CronRecurrence { Expression = "*/15 * * * *" } },
        });
    }
}
