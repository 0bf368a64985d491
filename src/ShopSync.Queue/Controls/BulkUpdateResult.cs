namespace ShopSync.Queue.Controls;

/// <summary>What a bulk update matched and changed.</summary>
/// <param name="Matched">Entries the selection matched (within the scope).</param>
/// <param name="Applied">Entries the action changed.</param>
/// <param name="Skipped">Entries it left as they were, with why (at most <see cref="MaxSkipsListed"/> listed).</param>
/// <param name="DryRun">Nothing was changed.</param>
public sealed record BulkUpdateResult(int Matched, int Applied, IReadOnlyList<BulkSkip> Skipped, bool DryRun)
{
    /// <summary>Skipped entries listed at most (Matched - Applied is how many there were).</summary>
    public const int MaxSkipsListed = 100;
}
