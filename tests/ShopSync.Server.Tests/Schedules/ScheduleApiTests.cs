using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ShopSync.Contracts.V1;

namespace ShopSync.Server.Tests.Schedules;

public sealed class ScheduleApiTests(ScheduleServerFixture server) : IClassFixture<ScheduleServerFixture>
{
    private const int NoOpReport = 90000;

    private static ScheduleRecurringRequest Hourly() => new()
    {
        ReportId = NoOpReport,
        CategoryCode = "API",
        Schedule = new RecurringSchedule { Cron = new CronRecurrence { Expression = "0 * * * *" } },
    };

    [Theory]
    [InlineData("max_attempts")]
    [InlineData("schedule.cron.expression")]
    [InlineData("schedule.weekly.ending_time")]
    [InlineData("schedule.weekly.weekdays")]
    [InlineData("schedule.time_zone")]
    [InlineData("rerun_delay")]
    [InlineData("report_id")]
    public async Task ScheduleRecurring_BadField_InvalidArgumentNamingIt(string field)
    {
        var request = Hourly();
        switch (field)
        {
            case "max_attempts": request.MaxAttempts = 11; break;
            case "schedule.cron.expression": request.Schedule.Cron.Expression = "61 * * * *"; break;
            case "schedule.weekly.ending_time":
                request.Schedule.Weekly = new WeeklyRecurrence { StartingTime = "08:00", EndingTime = "08:00", MinutesBetweenRuns = 5, Weekdays = { Weekday.Monday } };
                break;
            case "schedule.weekly.weekdays": request.Schedule.Weekly = new WeeklyRecurrence { MinutesBetweenRuns = 5 }; break;
            case "schedule.time_zone": request.Schedule.TimeZone = "Mars/Olympus_Mons"; break;
            case "rerun_delay": request.RerunDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(3601)); break;
            case "report_id": request.ReportId = 4242; break;
        }
        var e = await Assert.ThrowsAsync<RpcException>(() => server.Calls.CreateAsync(request));
        Assert.Equal(StatusCode.InvalidArgument, e.Status.StatusCode);
        Assert.Contains(field, e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateSchedule_BadCron_FieldCarriesDefinitionPrefix()
    {
        var created = await server.Calls.CreateAsync(Hourly());
        var definition = Hourly();
        definition.Schedule.Cron.Expression = "0 0 30 2 *";
        var e = await Assert.ThrowsAsync<RpcException>(() => server.Calls.ScheduleAsync<UpdateScheduleRequest, UpdateScheduleResponse>(
            "UpdateSchedule", new UpdateScheduleRequest { ScheduleId = created.Schedule.Id, Definition = definition }));
        Assert.Equal(StatusCode.InvalidArgument, e.Status.StatusCode);
        Assert.Contains("definition.schedule.cron.expression", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSchedule_UnknownId_NotFound()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => server.Calls.ScheduleAsync<GetScheduleRequest, GetScheduleResponse>(
            "GetSchedule", new GetScheduleRequest { ScheduleId = Guid.NewGuid().ToString() }));
        Assert.Equal(StatusCode.NotFound, e.Status.StatusCode);
    }

    [Fact]
    public async Task Lifecycle_PauseResumeUpdateListDelete_Reflected()
    {
        var calls = server.Calls;
        var created = (await calls.CreateAsync(Hourly())).Schedule;
        Assert.Equal("No-op (scheduled)", created.Description);
        Assert.Equal(0, created.NextRun.ToDateTimeOffset().Minute);

        var paused = (await calls.ScheduleAsync<PauseScheduleRequest, PauseScheduleResponse>("PauseSchedule", new PauseScheduleRequest { ScheduleId = created.Id })).Schedule;
        Assert.Equal(JobStatus.OnHold, paused.Status);
        Assert.Null(paused.NextRun);
        var resumed = (await calls.ScheduleAsync<ResumeScheduleRequest, ResumeScheduleResponse>("ResumeSchedule", new ResumeScheduleRequest { ScheduleId = created.Id })).Schedule;
        Assert.Equal(JobStatus.Ready, resumed.Status);
        Assert.NotNull(resumed.NextRun);

        var definition = Hourly();
        definition.Schedule.Cron.Expression = "30 * * * *";
        definition.MaxAttempts = 3;
        var updated = (await calls.ScheduleAsync<UpdateScheduleRequest, UpdateScheduleResponse>(
            "UpdateSchedule", new UpdateScheduleRequest { ScheduleId = created.Id, Definition = definition })).Schedule;
        Assert.Equal(30, updated.NextRun.ToDateTimeOffset().Minute);
        Assert.Equal(3, updated.MaxAttempts);
        Assert.Equal(created.Schedule.EarliestStart, updated.Schedule.EarliestStart);

        var got = (await calls.ScheduleAsync<GetScheduleRequest, GetScheduleResponse>("GetSchedule", new GetScheduleRequest { ScheduleId = created.Id })).Schedule;
        Assert.Equal(updated, got);
        var list = await calls.ScheduleAsync<ListSchedulesRequest, ListSchedulesResponse>("ListSchedules", new ListSchedulesRequest { ReportId = NoOpReport, PageSize = 1000 });
        Assert.Contains(list.Schedules, s => s.Id == created.Id && s.NextRun is not null);

        await calls.ScheduleAsync<DeleteScheduleRequest, DeleteScheduleResponse>("DeleteSchedule", new DeleteScheduleRequest { ScheduleId = created.Id });
        var e = await Assert.ThrowsAsync<RpcException>(() => calls.ScheduleAsync<DeleteScheduleRequest, DeleteScheduleResponse>(
            "DeleteSchedule", new DeleteScheduleRequest { ScheduleId = created.Id }));
        Assert.Equal(StatusCode.NotFound, e.Status.StatusCode);
    }

    [Fact]
    public async Task ListSchedules_Paged_EverySchedulesOnce()
    {
        var request = Hourly();
        request.ReportId = 90001;
        var ids = new HashSet<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await server.Calls.CreateAsync(request)).Schedule.Id);
        }
        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await server.Calls.ScheduleAsync<ListSchedulesRequest, ListSchedulesResponse>(
                "ListSchedules", new ListSchedulesRequest { ReportId = 90001, PageSize = 2, PageToken = token });
            Assert.True(page.Schedules.Count <= 2);
            seen.AddRange(page.Schedules.Select(s => s.Id));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        Assert.Equal(ids.Order(), seen.Order());
    }

    [Fact]
    public async Task PreviewSchedule_Cron_NextRuns()
    {
        var response = await server.Calls.ScheduleAsync<PreviewScheduleRequest, PreviewScheduleResponse>("PreviewSchedule", new PreviewScheduleRequest
        {
            Schedule = new RecurringSchedule { Cron = new CronRecurrence { Expression = "0 12 * * *" }, TimeZone = "Europe/Oslo" },
            Count = 3,
            From = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 1, 6, 0, 0, 0, TimeSpan.Zero)),
        });
        Assert.Equal(["2025-01-06T12:00:00+01:00", "2025-01-07T12:00:00+01:00", "2025-01-08T12:00:00+01:00"], response.LocalRuns);
    }

    [Theory]
    [InlineData("cron")]
    [InlineData("zone")]
    [InlineData("formula")]
    public async Task PreviewSchedule_MegabyteScheduleText_InvalidArgumentNamingTheFieldWithAShortMessage(string where)
    {
        var huge = new string('1', 1 << 20);
        var schedule = where switch
        {
            "cron" => new RecurringSchedule { Cron = new CronRecurrence { Expression = huge } },
            "zone" => new RecurringSchedule { Cron = new CronRecurrence { Expression = "0 12 * * *" }, TimeZone = huge },
            _ => new RecurringSchedule { DateFormula = new DateFormulaRecurrence { Formula = huge } },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Calls.ScheduleAsync<PreviewScheduleRequest, PreviewScheduleResponse>("PreviewSchedule", new PreviewScheduleRequest { Schedule = schedule }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("at most", error.Status.Detail, StringComparison.Ordinal);
        Assert.True(error.Status.Detail.Length < 400, $"{error.Status.Detail.Length} characters");
    }
}
