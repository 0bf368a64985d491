namespace ShopSync.Storage.Model;

/// <summary>The EF model of one enqueue's idempotency key (AIP-155 request_id).</summary>
internal sealed class EnqueueKeyRow
{
    public string RequestId { get; set; } = string.Empty;
    public byte[] RequestHash { get; set; } = [];

    /// <summary>The entries' ids, 16 bytes each, in request order.</summary>
    public byte[] JobIds { get; set; } = [];
    public long CreatedAt { get; set; }
    public long ExpiresAt { get; set; }
}
