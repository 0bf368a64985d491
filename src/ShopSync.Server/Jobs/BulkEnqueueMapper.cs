using ShopSync.Queue.Entries;
using V1 = ShopSync.Contracts.V1;

namespace ShopSync.Server.Jobs;

/// <summary>
/// Maps the entries of one EnqueueJobs call. Entries of a bulk call mostly share their shop, category and report:
/// the shop lookup is done once per (shop, category), and the request-page resolution (defaults merged, options
/// filled in) once per (shop, report) for entries that bring no filters or options of their own. Per entry that
/// saved the shop lookup, the request-page validation and their allocations, a large part of the call's CPU.
/// </summary>
internal sealed class BulkEnqueueMapper(ShopRunPolicy runPolicy, RequestPageService requestPages, string createdBy)
{
    private readonly Dictionary<(string Shop, string Category), ShopRun> _runs = new(ShopCategoryComparer.Instance);
    private readonly Dictionary<(string Shop, int Report, bool IgnoreDefaults), EnqueueRequest> _parameters = [];

    public async ValueTask<EnqueueRequest> MapAsync(V1.EnqueueJobRequest r, int index, CancellationToken cancellationToken)
    {
        var shop = r.ShopCode.Trim();
        if (!_runs.TryGetValue((shop, r.CategoryCode), out var run))
        {
            run = await runPolicy.ResolveRunAsync(shop, r.CategoryCode, V1.RunMode.Background, cancellationToken);
            _runs[(shop, r.CategoryCode)] = run;
        }

        if (r.Filters.Count > 0 || r.Options.Count > 0)
        {
            var own = JobRequests.ToEnqueue(r, run.Category, foreground: false, createdBy, run.ShopCode, index);
            return await requestPages.WithDefaultsAsync(own, r.IgnoreDefaultFilters, cancellationToken, JobRequests.BulkPrefix(index));
        }

        // Without filters or options of its own, an entry's parameters depend only on (shop, report): the lists are shared.
        var key = (run.ShopCode, r.ReportId, r.IgnoreDefaultFilters);
        if (!_parameters.TryGetValue(key, out var resolved))
        {
            var first = JobRequests.ToEnqueue(r, run.Category, foreground: false, createdBy, run.ShopCode, index);
            resolved = await requestPages.WithDefaultsAsync(first, r.IgnoreDefaultFilters, cancellationToken, JobRequests.BulkPrefix(index));
            _parameters[key] = resolved;
            return resolved;
        }

        return JobRequests.ToEnqueue(r, run.Category, foreground: false, createdBy, run.ShopCode, index, parameters: resolved);
    }

    /// <summary>Shop codes match ignoring case (as the shop registry does); categories are taken as given.</summary>
    private sealed class ShopCategoryComparer : IEqualityComparer<(string Shop, string Category)>
    {
        public static readonly ShopCategoryComparer Instance = new();

        public bool Equals((string Shop, string Category) x, (string Shop, string Category) y) =>
            string.Equals(x.Shop, y.Shop, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Category, y.Category, StringComparison.Ordinal);

        public int GetHashCode((string Shop, string Category) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Shop), StringComparer.Ordinal.GetHashCode(obj.Category));
    }
}
