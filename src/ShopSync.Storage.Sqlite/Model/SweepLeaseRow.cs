namespace ShopSync.Storage.Model;

/// <summary>The EF model of one housekeeping sweep's lease: who runs it, and until when.</summary>
internal sealed class SweepLeaseRow
{
    public string Name { get; set; } = string.Empty;
    public string Holder { get; set; } = string.Empty;
    public long ExpiresAt { get; set; }
}
