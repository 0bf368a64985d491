using ShopSync.Queue.Controls;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Events;

namespace ShopSync.Queue.Tests.Controls;

/// <summary>The operator transitions as pure functions: which are allowed from each status, what they change, and the refusals.</summary>
public sealed class JobStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(JobStatus.Ready)]
    [InlineData(JobStatus.Waiting)]
    [InlineData(JobStatus.Error)]
    public void Hold_QueuedOrError_SetsOnHoldConditionallyOnTheStatusSeen(JobStatus status)
    {
        var change = JobStateMachine.Hold(Entry(status), Now)!;
        Assert.Equal(JobStatus.OnHold, change.Status);
        Assert.Equal(status, change.ExpectedStatus);
        Assert.Equal(new JobStatusChanged(JobStatus.OnHold, "Set on hold."), Assert.Single(change.Events));
    }

    [Fact]
    public void Hold_InProcess_OnlyRequestsTheHoldForTheRunsEnd()
    {
        var change = JobStateMachine.Hold(Entry(JobStatus.InProcess), Now)!;
        Assert.Null(change.Status);
        Assert.True(change.HoldRequested);
        Assert.Null(JobStateMachine.Hold(Entry(JobStatus.InProcess) with { HoldRequested = true }, Now));
        Assert.Null(JobStateMachine.Hold(Entry(JobStatus.OnHold), Now));
    }

    [Fact]
    public void Hold_Finished_IsRefused()
    {
        var error = Assert.Throws<JobStateException>(() => JobStateMachine.Hold(Entry(JobStatus.Finished), Now));
        Assert.Equal(JobStatus.Finished, error.Status);
        Assert.Contains("restart", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(JobStatus.OnHold, false)]
    [InlineData(JobStatus.Error, true)]
    public void SetReady_OnHoldOrError_SetsReady_ClearingAnError(JobStatus status, bool clearsError)
    {
        var change = JobStateMachine.SetReady(Entry(status), Now)!;
        Assert.Equal(JobStatus.Ready, change.Status);
        Assert.Equal(clearsError, change.ClearError);
    }

    [Fact]
    public void SetReady_QueuedOrRunning_ChangesNothingButWithdrawsAPendingHold()
    {
        Assert.Null(JobStateMachine.SetReady(Entry(JobStatus.Ready), Now));
        Assert.Null(JobStateMachine.SetReady(Entry(JobStatus.Waiting), Now));
        Assert.Null(JobStateMachine.SetReady(Entry(JobStatus.InProcess), Now));
        Assert.False(JobStateMachine.SetReady(Entry(JobStatus.InProcess) with { HoldRequested = true }, Now)!.HoldRequested);
        Assert.Throws<JobStateException>(() => JobStateMachine.SetReady(Entry(JobStatus.Finished), Now));
    }

    [Theory]
    [InlineData(JobStatus.OnHold)]
    [InlineData(JobStatus.Ready)]
    [InlineData(JobStatus.Waiting)]
    [InlineData(JobStatus.Finished)]
    [InlineData(JobStatus.Error)]
    public void RestartAndRunNow_AnyStatusButInProcess_MakeTheEntryDueNow(JobStatus status)
    {
        var restart = JobStateMachine.Restart(Entry(status), Now);
        Assert.Equal((JobStatus.Ready, Now, true, true), (restart.Status, restart.EarliestStart, restart.ResetAttempts, restart.ClearError));
        var runNow = JobStateMachine.RunNow(Entry(status), Now);
        Assert.Equal((JobStatus.Ready, Now, false), (runNow.Status, runNow.EarliestStart, runNow.ResetAttempts));
        Assert.Equal(status == JobStatus.Error, runNow.ClearError);
    }

    [Fact]
    public void RestartRunNowSetParametersDelete_InProcess_AreRefused()
    {
        var running = Entry(JobStatus.InProcess);
        Assert.Contains("cancel it first", Assert.Throws<JobStateException>(() => JobStateMachine.Restart(running, Now)).Message, StringComparison.Ordinal);
        Assert.Contains("already running", Assert.Throws<JobStateException>(() => JobStateMachine.RunNow(running, Now)).Message, StringComparison.Ordinal);
        Assert.Throws<JobStateException>(() => JobStateMachine.SetParameters(running, Now, [], []));
        Assert.Contains("cancel it first", Assert.Throws<JobStateException>(() => JobStateMachine.EnsureDeletable(running)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(JobStatus.OnHold)]
    [InlineData(JobStatus.Ready)]
    [InlineData(JobStatus.Waiting)]
    [InlineData(JobStatus.Error)]
    public void Cancel_NotRunning_FinishesCancelledWithACompletedEvent(JobStatus status)
    {
        var change = JobStateMachine.Cancel(Entry(status), Now)!;
        Assert.Equal((JobStatus.Finished, JobResult.Cancelled), (change.Status, change.Result));
        var completed = Assert.IsType<JobCompleted>(Assert.Single(change.Events));
        Assert.Equal((JobResult.Cancelled, JobStatus.Finished), (completed.Result, completed.Status));
    }

    [Fact]
    public void Cancel_RunningOrAlreadyCancelled_ChangesNothing_FinishedOtherwiseIsRefused()
    {
        Assert.Null(JobStateMachine.Cancel(Entry(JobStatus.InProcess), Now));
        Assert.Null(JobStateMachine.Cancel(Entry(JobStatus.Finished) with { LastResult = JobResult.Cancelled }, Now));
        var error = Assert.Throws<JobStateException>(() => JobStateMachine.Cancel(Entry(JobStatus.Finished) with { LastResult = JobResult.Succeeded }, Now));
        Assert.Equal("The entry has already finished.", error.Message);
    }

    [Theory]
    [InlineData(JobStatus.OnHold)]
    [InlineData(JobStatus.Ready)]
    [InlineData(JobStatus.Waiting)]
    [InlineData(JobStatus.Finished)]
    [InlineData(JobStatus.Error)]
    public void SetParametersAndDelete_NotRunning_AreAllowed(JobStatus status)
    {
        RequestPageOption[] options = [new("steps", "1")];
        var change = JobStateMachine.SetParameters(Entry(status), Now, [], options);
        Assert.Equal(options, change.Options);
        Assert.Null(change.Status);
        JobStateMachine.EnsureDeletable(Entry(status));
    }

    internal static Job Entry(JobStatus status) => new()
    {
        Id = Guid.NewGuid(),
        EntryNo = 1,
        ReportId = 1,
        CategoryCode = "C",
        Status = status,
        MaxAttempts = 3,
        Attempts = status == JobStatus.InProcess ? 1 : 0,
        FencingToken = 1,
    };
}
