using Microsoft.Playwright;
using ShopSync.Contracts.V1;
using static Microsoft.Playwright.Assertions;

namespace ShopSync.Dashboard.Tests;

/// <summary>Creating a schedule on the Schedules page: the server's preview of the next runs, and its messages at their fields.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ScheduleFormTests(DashboardFixture fixture)
{
    static ScheduleFormTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task NewSchedule_PreviewAndSave_MessagesAtTheirFieldsThenListed()
    {
        var tag = "schedule-" + Guid.NewGuid().ToString("N")[..8];
        await using var p = await fixture.OpenAsync();
        await p.SignInAsAdminAsync("/schedules");
        await p.Page.GetByRole(AriaRole.Button, new() { Name = "New schedule" }).ClickAsync();
        var form = p.Page.GetByRole(AriaRole.Form, new() { Name = "New schedule" });
        await form.GetByLabel("Task").SelectOptionAsync(fixture.SyncOrdersReportId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await form.GetByLabel("Description").FillAsync(tag);

        // The preview is the server's: a cron minute of 61 is refused at the cron field.
        var cron = form.GetByLabel("Cron expression");
        await cron.FillAsync("61 * * * *");
        await Expect(p.Page.Locator("#new-cron-error")).Not.ToBeEmptyAsync();
        await Expect(cron).ToHaveAttributeAsync("aria-invalid", "true");

        await cron.FillAsync("0 6 * * 1-5");
        var preview = p.Page.GetByTestId("preview");
        await Expect(preview.Locator("li")).ToHaveCountAsync(5);
        await Expect(preview.Locator("li").First).ToContainTextAsync("T06:00:00+01:00");
        await Expect(cron).Not.ToHaveAttributeAsync("aria-invalid", "true");

        var zone = form.GetByLabel("Time zone");
        await zone.FillAsync("Mars/Olympus_Mons");
        await Expect(p.Page.Locator("#new-tz-error")).Not.ToBeEmptyAsync();
        await zone.FillAsync("Europe/Oslo");
        await Expect(preview.Locator("li")).ToHaveCountAsync(5);

        // A field only saving checks: the server's message lands at it, and focus goes there.
        var priority = form.GetByLabel("Priority");
        await priority.FillAsync("-5");
        await form.GetByLabel("Create paused (On Hold)").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Create schedule" }).ClickAsync();
        await Expect(p.Page.Locator("#new-priority-error")).ToContainTextAsync("must not be negative");
        await Expect(priority).ToBeFocusedAsync();

        await priority.FillAsync("");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create schedule" }).ClickAsync();
        await Expect(p.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Created the schedule" })).ToContainTextAsync(tag);
        await Expect(p.Page.GetByTestId("schedule").Filter(new() { HasText = tag })).ToContainTextAsync("cron 0 6 * * 1-5 (Europe/Oslo)");

        var listed = await fixture.Client.Schedules.ListSchedulesAsync(new ListSchedulesRequest { ShopCode = "demo" });
        var created = Assert.Single(listed.Schedules, s => s.Description == tag);
        Assert.Equal(fixture.SyncOrdersReportId, created.ReportId);
        Assert.Equal("0 6 * * 1-5", created.Schedule.Cron.Expression);
        Assert.Equal("Europe/Oslo", created.Schedule.TimeZone);
        Assert.Equal(JobStatus.OnHold, created.Status);
        p.AssertNoConsoleErrors();
    }
}
