using Google.Protobuf;
using Grpc.Health.V1;
using ShopSync.Cli.Tests.Infrastructure;
using ShopSync.Client;
using ShopSync.Contracts.V1;

namespace ShopSync.Cli.Tests.Commands;

/// <summary>
/// ScheduleService is being built on the server side: against a server without it, the commands must fail
/// with the clean UNIMPLEMENTED line; against one with it, they must work. The server's health registry says which.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ScheduleCommandTests(ServerFixture fixture)
{
    private readonly InProcessCli _cli = new(fixture.Address);

    [Fact]
    public async Task Schedule_AddListShowPausePreviewRemove_WorksOrSaysUnimplemented()
    {
        var add = await _cli.RunAsync(
            "schedule", "add", "diag", "--weekdays", "mon,tue", "--start", "08:00", "--end", "17:00", "--every", "30",
            "--tz", "Europe/Oslo", "--catch-up", "--overlap", "--keep-recurring", "--option", "steps=1", "--json");
        if (!await ScheduleServiceExistsAsync())
        {
            Assert.Equal(1, add.ExitCode);
            Assert.Equal($"shopsync schedule add: the server at {fixture.Address} does not implement this yet (UNIMPLEMENTED: Service is unimplemented.)", add.Error.Trim());
            var preview = await _cli.RunAsync("schedule", "preview", "--cron", "*/15 * * * *");
            Assert.Equal(1, preview.ExitCode);
            Assert.Contains("(UNIMPLEMENTED", preview.Error, StringComparison.Ordinal);
            return;
        }
        Assert.True(add.ExitCode == 0, add.ToString());
        var created = JsonParser.Default.Parse<ScheduleInfo>(add.Out);
        Assert.Equal([Weekday.Monday, Weekday.Tuesday], created.Schedule.Weekly.Weekdays);
        Assert.Equal(CatchUpPolicy.Once, created.Schedule.CatchUp);
        Assert.Equal(OverlapPolicy.BufferOne, created.Schedule.Overlap);
        Assert.Equal(FailurePolicy.KeepRecurring, created.Schedule.OnFailure);

        var list = await _cli.RunAsync("schedule", "list", "--json");
        Assert.Contains(JsonParser.Default.Parse<ListSchedulesResponse>(list.Out).Schedules, s => s.Id == created.Id);
        Assert.Equal(0, (await _cli.RunAsync("schedule", "show", created.Id)).ExitCode);
        var paused = await _cli.RunAsync("schedule", "pause", created.Id, "--json");
        Assert.Equal(JobStatus.OnHold, JsonParser.Default.Parse<ScheduleInfo>(paused.Out).Status);
        Assert.Equal(0, (await _cli.RunAsync("schedule", "resume", created.Id)).ExitCode);
        var runs = await _cli.RunAsync("schedule", "preview", "--formula", "CM+1D", "--at", "06:00", "--count", "3", "--json");
        Assert.Equal(3, JsonParser.Default.Parse<PreviewScheduleResponse>(runs.Out).Runs.Count);
        Assert.Equal(0, (await _cli.RunAsync("schedule", "remove", created.Id)).ExitCode);
        Assert.Equal(4, (await _cli.RunAsync("schedule", "show", created.Id)).ExitCode);
    }

    [Fact]
    public async Task Schedule_AddWithoutForm_IsAUsageError()
    {
        var result = await _cli.RunAsync("schedule", "add", "diag");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("shopsync schedule add: give one recurrence form: --weekdays/--start/--end/--every, --formula [--at], or --cron", result.Error.Trim());
    }

    [Fact]
    public async Task Schedule_TwoForms_IsAUsageError()
    {
        var result = await _cli.RunAsync("schedule", "preview", "--cron", "* * * * *", "--formula", "1D");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("give only one recurrence form", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_BadWeekday_IsAUsageErrorNamingIt()
    {
        var result = await _cli.RunAsync("schedule", "preview", "--weekdays", "mon,funday");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--weekdays: 'funday' is not a weekday", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_BadCatchUp_IsAUsageError()
    {
        var result = await _cli.RunAsync("schedule", "preview", "--cron", "* * * * *", "--catch-up", "sometimes");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--catch-up: 'sometimes' is not valid; use skip, once or all", result.Error, StringComparison.Ordinal);
    }

    private async Task<bool> ScheduleServiceExistsAsync()
    {
        using var client = ShopSyncClient.Create(fixture.Address);
        try
        {
            var reply = await client.Health.CheckAsync(new HealthCheckRequest { Service = "shopsync.v1.ScheduleService" });
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving;
        }
        catch (global::Grpc.Core.RpcException e) when (e.StatusCode == global::Grpc.Core.StatusCode.NotFound)
        {
            return false;
        }
    }
}
