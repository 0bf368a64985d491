using Microsoft.Extensions.DependencyInjection;
using ShopSync.Queue.Controls;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;

namespace ShopSync.Queue.Tests.Support;

/// <summary>
/// Failure injection at the store seam: wraps the real store and, before each write, asks <see cref="Fault"/>
/// whether to throw instead (e.g. a disk-full or I/O <see cref="Errors.StorageUnavailableException"/>). Reads pass
/// through. Shared with the server tests (linked source).
/// </summary>
internal sealed class FaultyJobStore : IJobStore
{
    private readonly IJobStore _inner;

    public FaultyJobStore(IJobStore inner)
    {
        _inner = inner;
    }

    /// <summary>Given the write's name and its argument, the exception to throw, or null to let the write through.</summary>
    public Func<string, object?, Exception?> Fault { get; set; } = static (_, _) => null;

    /// <summary>Awaited before each lease renewal reaches the store (a renewal held up after it read the held runs).</summary>
    public Func<LeaseRenewalRequest, Task>? BeforeRenew { get; set; }

    /// <summary>Sees (and may replace or hold back) the store's answer to a lease renewal before the engine gets it.</summary>
    public Func<LeaseRenewalRequest, LeaseRenewal, Task<LeaseRenewal>>? AfterRenew { get; set; }

    /// <summary>Awaited before each claim reaches the store (a claim still out when something else happens).</summary>
    public Func<ClaimRequest, Task>? BeforeClaim { get; set; }

    /// <summary>Awaited before each run's end reaches the store (an end write still out when something else happens).</summary>
    public Func<RunCompletion, Task>? BeforeComplete { get; set; }

    /// <summary>Called before each search for lapsed leases (the lease check's step after it handled the renewal's answer).</summary>
    public Action? BeforeFindExpired { get; set; }

    /// <summary>Replaces the registered <see cref="IJobStore"/> with one wrapped in <paramref name="store"/>'s fault plan.</summary>
    public static IServiceCollection Decorate(IServiceCollection services, Action<FaultyJobStore> created)
    {
        var descriptor = services.Last(d => d.ServiceType == typeof(IJobStore));
        services.Remove(descriptor);
        services.AddSingleton<IJobStore>(sp =>
        {
            var inner = descriptor.ImplementationInstance as IJobStore
                ?? (IJobStore?)descriptor.ImplementationFactory?.Invoke(sp)
                ?? (IJobStore)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!);
            var faulty = new FaultyJobStore(inner);
            created(faulty);
            return faulty;
        });
        return services;
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => _inner.InitializeAsync(cancellationToken);

    public Task<StoreResult<IReadOnlyList<Job>>> InsertAsync(IReadOnlyList<NewJob> jobs, CancellationToken cancellationToken) =>
        Pass(nameof(InsertAsync), jobs, () => _inner.InsertAsync(jobs, cancellationToken));

    public Task<KeyedInsertResult> InsertAsync(IReadOnlyList<NewJob> jobs, EnqueueKey key, CancellationToken cancellationToken) =>
        Pass(nameof(InsertAsync), jobs, () => _inner.InsertAsync(jobs, key, cancellationToken));

    public Task<int> PurgeEnqueueKeysAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        Pass(nameof(PurgeEnqueueKeysAsync), now, () => _inner.PurgeEnqueueKeysAsync(now, limit, cancellationToken));

    public Task<StoreResult<IReadOnlyList<CategoryClaim>>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken) =>
        Pass(nameof(ClaimAsync), request, async () =>
        {
            if (BeforeClaim is { } wait)
            {
                await wait(request).ConfigureAwait(false);
            }

            return await _inner.ClaimAsync(request, cancellationToken).ConfigureAwait(false);
        });

    public Task<CompletionResult> CompleteAsync(RunCompletion completion, ClaimRequest? claimNext, CancellationToken cancellationToken) =>
        Pass(nameof(CompleteAsync), completion, async () =>
        {
            if (BeforeComplete is { } wait)
            {
                await wait(completion).ConfigureAwait(false);
            }

            return await _inner.CompleteAsync(completion, claimNext, cancellationToken).ConfigureAwait(false);
        });

    public Task<IReadOnlyList<QueueEvent>> MarkWaitingAsync(string categoryCode, DateTimeOffset now, CancellationToken cancellationToken) =>
        Pass(nameof(MarkWaitingAsync), categoryCode, () => _inner.MarkWaitingAsync(categoryCode, now, cancellationToken));

    public Task<IReadOnlyList<QueueEvent>> AppendProgressAsync(IReadOnlyList<ProgressWrite> writes, CancellationToken cancellationToken) =>
        Pass(nameof(AppendProgressAsync), writes, () => _inner.AppendProgressAsync(writes, cancellationToken));

    public Task<bool> SaveCheckpointAsync(Guid jobId, long fencingToken, string checkpoint, CancellationToken cancellationToken) =>
        Pass(nameof(SaveCheckpointAsync), jobId, () => _inner.SaveCheckpointAsync(jobId, fencingToken, checkpoint, cancellationToken));

    public Task<LeaseRenewal> RenewLeasesAsync(LeaseRenewalRequest request, CancellationToken cancellationToken) =>
        Pass(nameof(RenewLeasesAsync), request, async () =>
        {
            if (BeforeRenew is { } wait)
            {
                await wait(request).ConfigureAwait(false);
            }

            var answer = await _inner.RenewLeasesAsync(request, cancellationToken).ConfigureAwait(false);
            return AfterRenew is { } after ? await after(request, answer).ConfigureAwait(false) : answer;
        });

    public Task<IReadOnlyList<Job>> FindExpiredLeasesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        BeforeFindExpired?.Invoke();
        return _inner.FindExpiredLeasesAsync(now, limit, cancellationToken);
    }

    public Task<StoreResult<Job>?> ChangeAsync(JobChange change, CancellationToken cancellationToken) =>
        Pass(nameof(ChangeAsync), change, () => _inner.ChangeAsync(change, cancellationToken));

    public Task<bool> DeleteAsync(Guid jobId, JobStatus expectedStatus, CancellationToken cancellationToken) =>
        Pass(nameof(DeleteAsync), jobId, () => _inner.DeleteAsync(jobId, expectedStatus, cancellationToken));

    public Task<Job?> GetAsync(Guid jobId, CancellationToken cancellationToken) => _inner.GetAsync(jobId, cancellationToken);

    public Task<JobPage> ListAsync(JobQuery query, CancellationToken cancellationToken) => _inner.ListAsync(query, cancellationToken);

    public Task<JobLogPage> ListLogAsync(JobLogQuery query, CancellationToken cancellationToken) => _inner.ListLogAsync(query, cancellationToken);

    public Task<IReadOnlyList<JobEvent>> ReadEventsAsync(Guid jobId, long afterSequence, int limit, CancellationToken cancellationToken) =>
        _inner.ReadEventsAsync(jobId, afterSequence, limit, cancellationToken);

    public Task<IReadOnlyList<string>> FindQueuedCategoriesAsync(CancellationToken cancellationToken) => _inner.FindQueuedCategoriesAsync(cancellationToken);

    public Task<PurgeBatch> PurgeJobsAsync(JobPurgeFilter filter, long afterEntryNo, int limit, bool dryRun, CancellationToken cancellationToken) =>
        Pass(nameof(PurgeJobsAsync), filter, () => _inner.PurgeJobsAsync(filter, afterEntryNo, limit, dryRun, cancellationToken));

    public Task<LogRetentionMarks> ReadLogRetentionMarksAsync(string? shopCode, CancellationToken cancellationToken) =>
        _inner.ReadLogRetentionMarksAsync(shopCode, cancellationToken);

    public Task<PurgeBatch> PurgeLogAsync(LogPurgeFilter filter, long afterId, int limit, bool dryRun, CancellationToken cancellationToken) =>
        Pass(nameof(PurgeLogAsync), filter, () => _inner.PurgeLogAsync(filter, afterId, limit, dryRun, cancellationToken));

    public Task<IReadOnlyList<CategoryStatusCount>> CountByCategoryAsync(CancellationToken cancellationToken) =>
        _inner.CountByCategoryAsync(cancellationToken);

    public Task<CategoryActivity> ReadCategoryActivityAsync(CategoryActivityQuery query, CancellationToken cancellationToken) =>
        _inner.ReadCategoryActivityAsync(query, cancellationToken);

    private Task<T> Pass<T>(string operation, object? argument, Func<Task<T>> next) =>
        Fault(operation, argument) is { } exception ? Task.FromException<T>(exception) : next();
}
