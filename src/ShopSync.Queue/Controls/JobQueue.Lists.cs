using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Controls;

/// <summary>The listing reads: entries (with search and scope) and run log entries.</summary>
internal sealed partial class JobQueue
{
    public Task<JobPage> ListAsync(JobQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        RequestLimits.CheckLength(query.Text, RequestLimits.SearchText, "text");
        return _store.ListAsync(query, cancellationToken);
    }

    public Task<JobLogPage> ListLogAsync(JobLogQuery query, CancellationToken cancellationToken) => _store.ListLogAsync(query, cancellationToken);
}
