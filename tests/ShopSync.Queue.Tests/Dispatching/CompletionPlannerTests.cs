using ShopSync.Queue.Dispatching;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Handlers;
using ShopSync.Queue.Tests.Controls;

namespace ShopSync.Queue.Tests.Dispatching;

/// <summary>The transitions out of In Process as pure decisions: finish, retry, error, interrupted.</summary>
public sealed class CompletionPlannerTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly ReportDefinition Definition = new()
    {
        ReportId = 1,
        Name = "Test",
        Backoff = new RetryBackoff(TimeSpan.FromSeconds(10), 2.0, TimeSpan.FromMinutes(5), 0),
    };

    [Fact]
    public void Plan_Success_FinishesWithACompletedEventAndTheRunsToken()
    {
        var job = Running(attempts: 1);
        var plan = CompletionPlanner.Plan(job, 42, new RunEnd(JobResult.Succeeded, null, null), JobProgress.None, Definition, Now, 0.5);
        Assert.Equal((JobStatus.Finished, JobResult.Succeeded, job.FencingToken, 42L), (plan.Status, plan.Result, plan.FencingToken, plan.LogEntryId));
        Assert.Equal(JobResult.Succeeded, Assert.IsType<JobCompleted>(Assert.Single(plan.Events)).Result);
    }

    [Fact]
    public void Plan_SuccessWithSkippedRecords_FinishesWithWarnings()
    {
        var progress = new JobProgress(100, "done", new JobCounters(1, 5, 0, 2));
        var plan = CompletionPlanner.Plan(Running(1), 1, new RunEnd(JobResult.Succeeded, null, null), progress, Definition, Now, 0.5);
        Assert.Equal(JobResult.SucceededWithWarnings, plan.Result);
        Assert.Equal("2 records were skipped.", plan.ErrorMessage);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    public void Plan_FailureWithAttemptsLeft_BackToReadyAfterRerunDelayPlusBackoff(int attempt, int backoffSeconds)
    {
        var job = Running(attempt) with { RerunDelay = TimeSpan.FromMinutes(1) };
        var plan = CompletionPlanner.Plan(job, 1, new RunEnd(JobResult.Failed, "boom", null), JobProgress.None, Definition, Now, 0.5);
        var retryAt = Now + TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(backoffSeconds);
        Assert.Equal((JobStatus.Ready, retryAt, "boom"), (plan.Status, plan.EarliestStart, plan.ErrorMessage));
        Assert.Equal(new JobAttemptFailed(attempt, 3, "boom", retryAt), Assert.Single(plan.Events));
    }

    [Theory]
    [InlineData(JobResult.Failed)]
    [InlineData(JobResult.TimedOut)]
    public void Plan_FailureOnTheLastAttempt_EndsInError(JobResult result)
    {
        var plan = CompletionPlanner.Plan(Running(3), 1, new RunEnd(result, "boom", "detail"), JobProgress.None, Definition, Now, 0.5);
        Assert.Equal((JobStatus.Error, result), (plan.Status, plan.Result));
        var completed = Assert.IsType<JobCompleted>(Assert.Single(plan.Events));
        Assert.Equal((JobStatus.Error, "detail"), (completed.Status, completed.ErrorDetail));
    }

    [Fact]
    public void Plan_Cancelled_FinishesCancelledEvenWithAttemptsLeft()
    {
        var plan = CompletionPlanner.Plan(Running(1), 1, new RunEnd(JobResult.Cancelled, "Cancelled.", null), JobProgress.None, Definition, Now, 0.5);
        Assert.Equal((JobStatus.Finished, JobResult.Cancelled), (plan.Status, plan.Result));
    }

    [Fact]
    public void Plan_InterruptedByShutdown_ReadyAgainAtOnceWithoutAFailedAttemptEvent()
    {
        var end = new RunEnd(JobResult.Cancelled, "Interrupted by server shutdown; it runs again.", null, Interrupted: true);
        var plan = CompletionPlanner.Plan(Running(3), 1, end, JobProgress.None, Definition, Now, 0.5);
        Assert.Equal((JobStatus.Ready, Now), (plan.Status, plan.EarliestStart));
        Assert.IsType<JobStatusChanged>(Assert.Single(plan.Events));
        Assert.True(plan.RefundAttempt, "an interrupted attempt is not counted");
    }

    private static Job Running(int attempts) => JobStateMachineTests.Entry(JobStatus.InProcess) with { Attempts = attempts, FencingToken = 7 };
}
