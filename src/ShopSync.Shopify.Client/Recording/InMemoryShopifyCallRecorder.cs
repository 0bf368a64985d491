using System.Collections.Concurrent;

namespace ShopSync.Shopify.Client;

/// <summary>Keeps the most recent call records in memory (tests, and the default until a persistent recorder is registered).</summary>
public sealed class InMemoryShopifyCallRecorder : IShopifyCallRecorder
{
    private readonly ConcurrentQueue<ShopifyCallRecord> records = new();
    private readonly int capacity;

    /// <summary>Creates a recorder that keeps at most <paramref name="capacity"/> records.</summary>
    public InMemoryShopifyCallRecorder(int capacity = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.capacity = capacity;
    }

    /// <summary>The kept records, oldest first.</summary>
    public IReadOnlyList<ShopifyCallRecord> Records => records.ToArray();

    /// <inheritdoc />
    public void Record(ShopifyCallRecord record)
    {
        records.Enqueue(record);
        while (records.Count > capacity && records.TryDequeue(out _))
        {
        }
    }
}
