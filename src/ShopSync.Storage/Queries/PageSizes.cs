namespace ShopSync.Storage.Queries;

/// <summary>The page size rule of the entries and run log lists, the same on every driver.</summary>
internal static class PageSizes
{
    public const int Default = 100;

    public const int Max = 1000;

    /// <summary>0 gives <see cref="Default"/>; outside 1..<see cref="Max"/> is INVALID_ARGUMENT naming <c>page_size</c>.</summary>
    public static int Resolve(int requested) =>
        requested switch
        {
            0 => Default,
            < 0 or > Max => throw new Queue.Errors.JobValidationException("page_size", $"must be between 1 and {Max} (0: {Default})."),
            _ => requested,
        };
}
