using ShopSync.Queue.Entries;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Storage;

namespace ShopSync.Queue.Controls;

/// <summary>
/// Bulk updates: the selection is resolved first (ids looked up, or the filter paged through outside any write),
/// then each entry gets the single-entry operation, a batch at a time. The entries of a batch are applied
/// concurrently, so the SQLite writer commits them together in a few short transactions and other writers take
/// turns between batches: a filter matching 100,000 entries never holds the writer for long.
/// </summary>
internal sealed partial class JobQueue
{
    private const int BulkBatch = 100;
    private const int BulkParallelism = 16;
    private const int SelectionPage = 1000;

    public async Task<BulkUpdateResult> BulkUpdateAsync(BulkUpdateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Enum.IsDefined(request.Action))
        {
            throw new JobValidationException("action", "must be one of HOLD, READY, RESTART, RUN_NOW, CANCEL or DELETE.");
        }

        var skipped = new List<BulkSkip>();
        var matched = request.Ids is { } ids
            ? await ResolveIdsAsync(ids, request.Shops, skipped, cancellationToken).ConfigureAwait(false)
            : await ResolveFilterAsync(request.Filter ?? throw new JobValidationException("selection", "name ids or a filter."), request.Shops, cancellationToken).ConfigureAwait(false);
        if (request.ExpectedCount > 0 && matched.Count != request.ExpectedCount)
        {
            throw new BulkSelectionChangedException(request.ExpectedCount, matched.Count);
        }

        if (request.DryRun)
        {
            return new BulkUpdateResult(matched.Count, 0, [], true);
        }

        var applied = 0;
        var gate = new object();
        var options = new ParallelOptions { MaxDegreeOfParallelism = BulkParallelism, CancellationToken = cancellationToken };
        foreach (var batch in matched.Chunk(BulkBatch))
        {
            await Parallel.ForEachAsync(batch, options, async (id, ct) =>
            {
                var reason = await ApplyOneAsync(id, request.Action, ct).ConfigureAwait(false);
                lock (gate)
                {
                    if (reason is null)
                    {
                        applied++;
                    }
                    else if (skipped.Count < BulkUpdateResult.MaxSkipsListed)
                    {
                        skipped.Add(new BulkSkip(id, reason));
                    }
                }
            }).ConfigureAwait(false);
        }

        return new BulkUpdateResult(matched.Count, applied, skipped, false);
    }

    private async Task<List<Guid>> ResolveIdsAsync(IReadOnlyList<Guid> ids, IReadOnlyCollection<string>? shops, List<BulkSkip> skipped, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            throw new JobValidationException("ids.job_ids", $"name 1 to {RequestLimits.JobsPerBulkUpdate} entries.");
        }

        RequestLimits.CheckCount(ids.Count, RequestLimits.JobsPerBulkUpdate, "ids.job_ids");
        var allowed = shops is null ? null : new HashSet<string>(shops.Select(s => s.Trim()), StringComparer.OrdinalIgnoreCase);
        var found = new List<Guid>(ids.Count);
        foreach (var id in ids.Distinct())
        {
            var job = await _store.GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (job is null || (allowed is not null && !allowed.Contains(job.ShopCode)))
            {
                // Another shop's entry answers exactly as a missing one.
                skipped.Add(new BulkSkip(id, "not found"));
                continue;
            }

            found.Add(id);
        }

        return found;
    }

    private async Task<List<Guid>> ResolveFilterAsync(JobQuery filter, IReadOnlyCollection<string>? shops, CancellationToken cancellationToken)
    {
        RequestLimits.CheckLength(filter.Text, RequestLimits.SearchText, "filter.text");
        var query = filter with { Shops = shops ?? filter.Shops, PageSize = SelectionPage, PageToken = null };
        var ids = new List<Guid>();
        while (true)
        {
            var page = await _store.ListAsync(query, cancellationToken).ConfigureAwait(false);
            ids.AddRange(page.Jobs.Select(j => j.Id));
            if (page.NextPageToken.Length == 0)
            {
                return ids;
            }

            query = query with { PageToken = page.NextPageToken };
        }
    }

    /// <summary>Null when the action changed the entry; otherwise why it did not.</summary>
    private async Task<string?> ApplyOneAsync(Guid id, BulkJobAction action, CancellationToken cancellationToken)
    {
        var changed = false;
        JobChange? Track(JobChange? change)
        {
            changed = change is not null;
            return change;
        }

        try
        {
            Job job;
            switch (action)
            {
                case BulkJobAction.Delete:
                    await DeleteAsync(id, cancellationToken).ConfigureAwait(false);
                    return null;
                case BulkJobAction.Cancel:
                    job = await ApplyAsync(
                        id,
                        (j, now) => Track(JobStateMachine.Cancel(j, now)),
                        cancellationToken,
                        onRunning: async (j, ct) =>
                        {
                            var running = await RequestCancelAsync(j, ct).ConfigureAwait(false);
                            changed = running is not null;
                            return running;
                        }).ConfigureAwait(false);
                    break;
                default:
                    Func<Job, DateTimeOffset, JobChange?> decide = action switch
                    {
                        BulkJobAction.Hold => JobStateMachine.Hold,
                        BulkJobAction.Ready => JobStateMachine.SetReady,
                        BulkJobAction.Restart => JobStateMachine.Restart,
                        _ => JobStateMachine.RunNow,
                    };
                    job = await ApplyAsync(id, (j, now) => Track(decide(j, now)), cancellationToken).ConfigureAwait(false);
                    break;
            }

            return changed ? null : $"nothing to change: the entry is already {Describe(job)}";
        }
        catch (JobStateException e)
        {
            return e.Message;
        }
        catch (JobNotFoundException)
        {
            return "not found (deleted meanwhile)";
        }
    }

    private static string Describe(Job job) => job.Status switch
    {
        JobStatus.OnHold => "On Hold",
        JobStatus.Ready => "Ready",
        JobStatus.Waiting => "Waiting",
        JobStatus.InProcess => job.HoldRequested ? "In Process (On Hold after this run)" : "In Process",
        JobStatus.Finished => job.LastResult == JobResult.Cancelled ? "cancelled" : "Finished",
        _ => "in Error",
    };
}
