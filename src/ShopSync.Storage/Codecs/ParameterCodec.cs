using System.Text.Json;
using ShopSync.Queue.Entries;

namespace ShopSync.Storage.Codecs;

/// <summary>Filters and options are stored as JSON arrays, exactly as given.</summary>
internal static class ParameterCodec
{
    private const string Empty = "[]";

    public static string EncodeFilters(IReadOnlyList<RequestPageFilter> filters) =>
        filters.Count == 0 ? Empty : JsonSerializer.Serialize(filters as List<RequestPageFilter> ?? [.. filters], StorageJsonContext.Default.ListRequestPageFilter);

    public static string EncodeOptions(IReadOnlyList<RequestPageOption> options) =>
        options.Count == 0 ? Empty : JsonSerializer.Serialize(options as List<RequestPageOption> ?? [.. options], StorageJsonContext.Default.ListRequestPageOption);

    public static IReadOnlyList<RequestPageFilter> DecodeFilters(string json) =>
        json == Empty ? [] : JsonSerializer.Deserialize(json, StorageJsonContext.Default.ListRequestPageFilter) ?? [];

    public static IReadOnlyList<RequestPageOption> DecodeOptions(string json) =>
        json == Empty ? [] : JsonSerializer.Deserialize(json, StorageJsonContext.Default.ListRequestPageOption) ?? [];
}
