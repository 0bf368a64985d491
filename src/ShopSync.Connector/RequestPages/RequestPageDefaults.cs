using ShopSync.Queue.Entries;

namespace ShopSync.Connector.RequestPages;

/// <summary>The default filters and options of (shop, report).</summary>
public sealed record RequestPageDefaults(IReadOnlyList<RequestPageFilter> Filters, IReadOnlyList<RequestPageOption> Options)
{
    public static readonly RequestPageDefaults None = new([], []);
}
