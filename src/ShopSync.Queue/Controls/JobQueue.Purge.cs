namespace ShopSync.Queue.Controls;

/// <summary>Purges: by hand (the PurgeJobs RPC) and by the retention sweep share one implementation.</summary>
internal sealed partial class JobQueue
{
    public Task<PurgeResult> PurgeJobsAsync(JobPurgeRequest request, CancellationToken cancellationToken) =>
        _purger.PurgeJobsAsync(request, cancellationToken);

    public Task<PurgeResult> PurgeLogAsync(LogPurgeRequest request, CancellationToken cancellationToken) =>
        _purger.PurgeLogAsync(request, cancellationToken);
}
