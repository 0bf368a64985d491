using ShopSync.Queue.Storage;

namespace ShopSync.Queue.Dispatching;

/// <summary>Claiming: free slots take waiting categories from the round robin and claim their heads.</summary>
internal sealed partial class Dispatcher
{
    /// <summary>Starts claims while slots are free and categories wait.</summary>
    private void Pump()
    {
        List<string> batch;
        lock (_gate)
        {
            if (!_started || _stopping)
            {
                return;
            }

            batch = TakeCategories(_options.MaxConcurrency - _running.Count - _claimsInFlight);
            if (batch.Count > 0)
            {
                // Not stopping, so shutdown has not finished waiting: the claim is counted until it returns.
                _storeCallsInFlight++;
            }
        }

        if (batch.Count > 0)
        {
            _ = ClaimAsync(batch);
        }
    }

    /// <summary>Caller holds the lock. Takes up to <paramref name="free"/> idle categories from the round robin and marks them claiming.</summary>
    private List<string> TakeCategories(int free)
    {
        var batch = new List<string>(Math.Clamp(free, 0, 4));
        while (free > 0 && _roundRobin.Count > 0)
        {
            var category = _roundRobin.Dequeue();
            var state = _categories[category];
            state.Queued = false;
            if (state.Busy)
            {
                continue;
            }

            state.Busy = true;
            batch.Add(category);
            free--;
            _claimsInFlight++;
        }

        return batch;
    }

    private async Task ClaimAsync(List<string> categories)
    {
        try
        {
            await ClaimAndStartAsync(categories).ConfigureAwait(false);
        }
        finally
        {
            EndStoreCall();
        }

        Pump();
    }

    private async Task ClaimAndStartAsync(List<string> categories)
    {
        var now = _time.GetUtcNow();
        IReadOnlyList<CategoryClaim> claims;
        try
        {
            var result = await _store.ClaimAsync(new ClaimRequest(categories, _node, now, now + _options.LeaseDuration), CancellationToken.None)
                .ConfigureAwait(false);
            _hub.Publish(result.Events);
            claims = result.Value;
        }
        catch (Exception ex)
        {
            LogClaimFailed(_logger, ex, categories.Count);
            lock (_gate)
            {
                _claimsInFlight -= categories.Count;
                foreach (var category in categories)
                {
                    _categories[category].Busy = false;
                    SetNextDue(category, now + TimeSpan.FromSeconds(1));
                }
            }

            return;
        }

        for (var i = 0; i < claims.Count; i++)
        {
            lock (_gate)
            {
                _claimsInFlight--;
            }

            HandleClaim(claims[i], now, inline: i == claims.Count - 1);
        }
    }

    /// <summary>Applies a claim outcome (from a claim or a completion's hand-over).</summary>
    private void HandleClaim(CategoryClaim claim, DateTimeOffset now, bool inline)
    {
        if (claim.Status == CategoryClaimStatus.Claimed && claim.Job is { } job)
        {
            StartRun(job, claim.LogEntryId, inline);
            return;
        }

        lock (_gate)
        {
            var state = _categories[claim.CategoryCode];
            state.Busy = false;
            if (state.Recheck)
            {
                state.Recheck = false;
                QueueCategory(claim.CategoryCode);
            }
            else if (claim.Status == CategoryClaimStatus.Busy)
            {
                // Another node runs this category; look again at the next lease check.
                SetNextDue(claim.CategoryCode, now + _options.LeaseCheckInterval);
            }
            else if (claim.NextDueAt is { } due)
            {
                SetNextDue(claim.CategoryCode, due);
            }
            else if (state.NextDueAt is null && !state.Queued)
            {
                _categories.Remove(claim.CategoryCode);
            }
        }
    }
}
