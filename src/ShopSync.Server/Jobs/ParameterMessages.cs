using Google.Protobuf.Collections;
using ShopSync.Queue.Entries;
using V1 = ShopSync.Contracts.V1;

namespace ShopSync.Server.Jobs;

/// <summary>Copies an entry's request-page filters and options into contract messages.</summary>
internal static class ParameterMessages
{
    public static void Fill(
        RepeatedField<V1.RequestPageFilter> filters,
        RepeatedField<V1.RequestPageOption> options,
        IEnumerable<RequestPageFilter> fromFilters,
        IEnumerable<RequestPageOption> fromOptions)
    {
        filters.AddRange(fromFilters.Select(f => new V1.RequestPageFilter { Field = f.Field, Expression = f.Expression }));
        options.AddRange(fromOptions.Select(o => new V1.RequestPageOption { Name = o.Name, Value = o.Value }));
    }
}
