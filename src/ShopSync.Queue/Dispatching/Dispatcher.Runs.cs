using Microsoft.Extensions.DependencyInjection;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Handlers;
using ShopSync.Queue.Storage;

namespace ShopSync.Queue.Dispatching;

/// <summary>Running handlers and recording their end.</summary>
internal sealed partial class Dispatcher
{
    /// <summary>
    /// Starts a claimed entry's handler. <paramref name="inline"/>: the caller is a pool thread with nothing else to do
    /// (the last claim of a batch), so the handler starts on it and saves a thread hop per run; RunAsync yields at its
    /// first real wait at the latest when it records the end.
    /// </summary>
    private void StartRun(Job job, long logEntryId, bool inline)
    {
        var reporter = new ProgressReporter(job.Id, job.FencingToken, _flusher, _store, _time);
        var run = new RunningJob(job, logEntryId, reporter);
        bool afterGrace;
        lock (_gate)
        {
            _running[job.Id] = run;
            afterGrace = _graceOver;
        }

        if (afterGrace)
        {
            // Claimed while shutdown ran out of grace: the handler starts stopped and the entry goes back to Ready.
            run.Stop(StopReason.Shutdown);
        }

        LogRunStarted(_logger, job.Id, job.ReportId, job.CategoryCode, job.Attempts);
        _metrics.Started(job, (job.StartedAt ?? _time.GetUtcNow()) - job.EarliestStart);
        if (inline)
        {
            _ = RunAsync(run);
        }
        else
        {
            _ = Task.Run(() => RunAsync(run));
        }
    }

    private async Task RunAsync(RunningJob run)
    {
        var job = run.Job;
        var handler = _catalog.Find(job.ReportId);
        var activity = Telemetry.QueueActivities.StartAttempt(job);
        using var scope = _logger.BeginScope(new Telemetry.RunLogScope(job, activity?.TraceId.ToString() ?? job.TraceId));
        RunEnd end;
        using (var timeout = new CancellationTokenSource(job.Timeout, _time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, run.StopToken))
        {
            if (handler is null)
            {
                end = new RunEnd(JobResult.Failed, $"No handler is registered for report {job.ReportId}.", null);
            }
            else
            {
                end = await InvokeHandlerAsync(handler, run, timeout, linked.Token).ConfigureAwait(false);
            }
        }

        // The run is still among the running ones, so shutdown is still waiting and the store is still there.
        var counted = TryBeginStoreCall();

        try
        {
            await CompleteRunAsync(run, end, handler?.Definition).ConfigureAwait(false);
        }
        finally
        {
            if (counted)
            {
                EndStoreCall();
            }
        }

        Telemetry.QueueActivities.End(activity, end.Result, end.Message);
    }

    private async Task<RunEnd> InvokeHandlerAsync(IReportHandler handler, RunningJob run, CancellationTokenSource timeout, CancellationToken token)
    {
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var logger = _loggerFactory.CreateLogger("ShopSync.Reports." + handler.Definition.ReportId);
            var context = new ReportContext(run.Job, run.Progress, scope.ServiceProvider, logger, _time, token);
            try
            {
                var outcome = await handler.RunAsync(context, token).ConfigureAwait(false);
                return new RunEnd(outcome.Result, outcome.Message, outcome.Detail);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                if (timeout.IsCancellationRequested && run.Reason == StopReason.None)
                {
                    return new RunEnd(JobResult.TimedOut, $"The run exceeded the job timeout of {run.Job.Timeout}.", null);
                }

                return run.Reason switch
                {
                    StopReason.Shutdown => new RunEnd(JobResult.Cancelled, "Interrupted by server shutdown; it runs again.", null, Interrupted: true),
                    StopReason.LeaseLost => new RunEnd(JobResult.Failed, "The run lost its lease.", null),
                    _ => new RunEnd(JobResult.Cancelled, "Cancelled.", null),
                };
            }
            catch (Exception ex)
            {
                LogHandlerFailed(_logger, ex, run.Job.Id, run.Job.ReportId);
                return new RunEnd(JobResult.Failed, ex.Message, ex.ToString());
            }
        }
    }

    private async Task CompleteRunAsync(RunningJob run, RunEnd end, ReportDefinition? definition)
    {
        var job = run.Job;
        var pending = await _flusher.TakeUnwrittenAsync(job.Id).ConfigureAwait(false);
        var progress = run.Progress.Current;
        if (pending is not null && progress.Percent < 0)
        {
            progress = pending.Progress with { Counters = progress.Counters };
        }

        var now = _time.GetUtcNow();
        var completion = CompletionPlanner.Plan(job, run.LogEntryId, end, progress, definition, now, Random.Shared.NextDouble());
        if (pending is not null)
        {
            // The last report had not been written yet: it becomes a progress event just before the end, so a
            // watcher sees every report made at a low rate even when the run ends right after it.
            completion = completion with { Events = [new JobProgressReported(pending.Progress), .. completion.Events] };
        }

        var (result, claimNext, ownIncluded) = await RecordEndAsync(run, completion).ConfigureAwait(false);

        _hub.Publish(result.Events);
        if (!result.Accepted)
        {
            LogStaleCompletion(_logger, job.Id, job.FencingToken);
            _metrics.FencedWriteRejected(job);
        }
        else
        {
            LogRunEnded(_logger, job.Id, completion.Result, result.Job!.Status);
            _metrics.Completed(job, completion.Result, now - (job.StartedAt ?? now), IsRetry(completion));
        }

        run.MarkEnded(result.Job);
        run.Dispose();
        AfterRun(job.CategoryCode, claimNext, ownIncluded, result.Claims, now);
        if (result.Job is { } after && JobStateMachineIsQueued(after.Status))
        {
            Notify(after);
        }

        Pump();
    }

    /// <summary>
    /// The slot a run frees is filled in the completion's own transaction: first by categories waiting in the
    /// round-robin queue (fairness), and, when no other category waits, by the next entry of the run's own category.
    /// </summary>
    private (ClaimRequest? Request, bool OwnIncluded) PlanHandOver(Job job, DateTimeOffset now)
    {
        lock (_gate)
        {
            _running.Remove(job.Id);
            if (_stopping)
            {
                return (null, false);
            }

            var free = _options.MaxConcurrency - _running.Count - _claimsInFlight;
            var categories = TakeCategories(free);
            var ownIncluded = false;
            if (categories.Count < free)
            {
                categories.Add(job.CategoryCode);
                _claimsInFlight++;
                ownIncluded = true;
            }

            return categories.Count == 0 ? (null, false) : (new ClaimRequest(categories, _node, now, now + _options.LeaseDuration), ownIncluded);
        }
    }

    private void AfterRun(string category, ClaimRequest? asked, bool ownIncluded, IReadOnlyList<CategoryClaim> claims, DateTimeOffset now)
    {
        if (!ownIncluded)
        {
            lock (_gate)
            {
                var state = _categories[category];
                state.Busy = false;
                state.Recheck = false;
                QueueCategory(category);
            }
        }

        if (asked is null)
        {
            return;
        }

        for (var i = 0; i < asked.Categories.Count; i++)
        {
            lock (_gate)
            {
                _claimsInFlight--;
            }

            var claim = i < claims.Count
                ? claims[i]
                : new CategoryClaim(asked.Categories[i], CategoryClaimStatus.Empty, null, 0, now + TimeSpan.FromSeconds(1));
            HandleClaim(claim, now, inline: i == asked.Categories.Count - 1);
        }
    }

    /// <summary>A failed run that goes back to Ready: the entry is retried (a recurring entry's next run is not a retry).</summary>
    private static bool IsRetry(RunCompletion completion) =>
        completion.Status is JobStatus.Ready or JobStatus.OnHold && completion.Result is JobResult.Failed or JobResult.TimedOut;
}
