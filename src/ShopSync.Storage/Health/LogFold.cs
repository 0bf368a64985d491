namespace ShopSync.Storage.Health;

/// <summary>
/// Everything the job log says about every shop, folded once and then kept up to date from the log's tail: each
/// refresh reads only the rows after <see cref="MaxSeenId"/> (primary key range) plus the rows that were still running
/// (by primary key). It assumes the log only grows: after a log purge the reader starts a new fold.
/// </summary>
internal sealed class LogFold
{
    private readonly Dictionary<string, ShopLogFold> _shops = new(StringComparer.Ordinal);
    private readonly Dictionary<long, LogRow> _running = [];
    private readonly Dictionary<long, string> _runningShops = [];

    public long MaxSeenId { get; private set; }

    public IReadOnlyCollection<long> RunningIds => _running.Keys;

    /// <summary>Applies fresh rows (tail rows and re-read running rows) in id order.</summary>
    public void Apply(IEnumerable<(string ShopCode, LogRow Row)> rows)
    {
        foreach (var (shopCode, row) in rows.OrderBy(r => r.Row.Id))
        {
            MaxSeenId = Math.Max(MaxSeenId, row.Id);
            _running.Remove(row.Id);
            _runningShops.Remove(row.Id);
            if (row.EndTicks is null)
            {
                // Unfinished: in process now, or abandoned by a run that never completed its log row (ignored).
                if (row.Running)
                {
                    _running[row.Id] = row;
                    _runningShops[row.Id] = shopCode;
                }
                continue;
            }
            Shop(shopCode).Apply(row);
        }
    }

    public ShopLogFold Shop(string shopCode)
    {
        if (!_shops.TryGetValue(shopCode, out var shop))
        {
            shop = new ShopLogFold(shopCode);
            _shops.Add(shopCode, shop);
        }
        return shop;
    }

    public IEnumerable<LogRow> RunningOf(string shopCode) =>
        _running.Values.Where(r => _runningShops[r.Id] == shopCode);
}
