using System.Globalization;
using ShopSync.Cli.Infrastructure;
using ShopSync.Contracts.V1;

namespace ShopSync.Cli.Rendering;

/// <summary>What a follower knows about one job from its events: percent, state text, the final result.</summary>
internal sealed class JobProgressState
{
    public string? JobId { get; private set; }

    /// <summary>0..100, or -1 when the task cannot tell.</summary>
    public int Percent { get; private set; }

    public string State { get; private set; } = "queued";

    public JobCounters Counters { get; private set; } = new();

    public JobCompleted? Completed { get; private set; }

    /// <summary>The server said it streams until the job ends (accepted.foreground).</summary>
    public bool Foreground { get; private set; }

    /// <summary>The entry when the watch began, if it had already ended (Finished or Error).</summary>
    public Job? EndedSnapshot { get; private set; }

    public void Apply(Job snapshot)
    {
        JobId = snapshot.Id;
        EndedSnapshot = snapshot.Status is JobStatus.Finished or JobStatus.Error ? snapshot : null;
        State = Format.Status(snapshot.Status);
        if (snapshot.LastProgress is { } p)
        {
            Percent = p.Percent;
            Counters = p.Counters ?? Counters;
        }
    }

    /// <summary>Applies an event and returns its plain-text line.</summary>
    public string Apply(JobEvent e)
    {
        JobId ??= e.JobId;
        switch (e.KindCase)
        {
            case JobEvent.KindOneofCase.Accepted:
                State = Format.Status(e.Accepted.Status);
                Foreground = e.Accepted.Foreground;
                return $"job {e.JobId} accepted (entry {e.Accepted.EntryNo}, {State}{(e.Accepted.Foreground ? ", foreground" : "")})";
            case JobEvent.KindOneofCase.Waiting:
                State = e.Waiting.BlockingJobId.Length > 0
                    ? $"waiting: category {e.Waiting.CategoryCode} is busy with job {e.Waiting.BlockingJobId}"
                    : $"waiting: category {e.Waiting.CategoryCode} is busy (or the server is at its concurrency limit)";
                return State;
            case JobEvent.KindOneofCase.Started:
                State = $"running (attempt {e.Started.Attempt})";
                return $"started attempt {e.Started.Attempt}{(e.Started.Node.Length > 0 ? " on " + e.Started.Node : "")}";
            case JobEvent.KindOneofCase.Progress:
                Percent = e.Progress.Percent;
                Counters = e.Progress.Counters ?? Counters;
                State = e.Progress.Message.Length > 0 ? e.Progress.Message : "running";
                var percent = Percent < 0 ? "  ? " : string.Create(CultureInfo.InvariantCulture, $"{Percent,3}%");
                return $"[{percent}] {State} ({Format.Counters(Counters)})";
            case JobEvent.KindOneofCase.AttemptFailed:
                var f = e.AttemptFailed;
                State = $"retrying: attempt {f.Attempt} of {f.MaxAttempts} failed: {f.ErrorMessage}; next at {Format.Clock(f.RetryAt)}";
                Percent = 0;
                return $"attempt {f.Attempt} of {f.MaxAttempts} failed: {f.ErrorMessage}; retry at {Format.Time(f.RetryAt)}";
            case JobEvent.KindOneofCase.Completed:
                Completed = e.Completed;
                Counters = e.Completed.Counters ?? Counters;
                State = Format.Result(e.Completed.Result);
                if (IsSuccess(e.Completed.Result))
                {
                    Percent = 100;
                }
                return $"completed: {State} ({Format.Counters(Counters)})" +
                    (e.Completed.ErrorMessage.Length > 0 ? $": {e.Completed.ErrorMessage}" : "") +
                    (e.Completed.NextRun is { } next ? $"; next run {Format.Time(next)}" : "");
            case JobEvent.KindOneofCase.StatusChanged:
                State = Format.Status(e.StatusChanged.Status);
                return $"status: {State}{(e.StatusChanged.Reason.Length > 0 ? " (" + e.StatusChanged.Reason + ")" : "")}";
            default:
                return $"event {e.Sequence}";
        }
    }

    public static bool IsSuccess(JobResult result) => result is JobResult.Succeeded or JobResult.SucceededWithWarnings;
}
