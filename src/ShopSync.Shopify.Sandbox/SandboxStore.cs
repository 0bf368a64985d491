using System.Text.Json.Nodes;

namespace ShopSync.Shopify.Sandbox;

/// <summary>
/// A Shopify-compatible store in memory: seeded deterministic data, Shopify's cost-based throttling,
/// fault injection, and a log of what it received. It answers ShopSync's own operations (see
/// docs/shopify.md), not arbitrary GraphQL. Thread-safe: one request runs at a time.
/// </summary>
public sealed partial class SandboxStore
{
    private readonly Lock sync = new();
    private readonly SandboxData data;
    private readonly SandboxBucket bucket;
    private readonly Queue<SandboxFault> faults = new();
    private readonly List<SandboxRequest> requests = [];
    private readonly List<string> lostAnswers = [];
    private long requestNumber;

    /// <summary>Creates and seeds a store.</summary>
    public SandboxStore(SandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        data = SandboxSeeder.Seed(options);
        bucket = new SandboxBucket(options.TimeProvider, options.BucketSize, options.RestoreRate);
    }

    /// <summary>The options the store was created with.</summary>
    public SandboxOptions Options { get; }

    /// <summary>Every request received, oldest first.</summary>
    public IReadOnlyList<SandboxRequest> Requests
    {
        get
        {
            lock (sync)
            {
                return requests.ToArray();
            }
        }
    }

    /// <summary>Makes the next <paramref name="count"/> authenticated requests fail with <paramref name="fault"/>.</summary>
    public void InjectFaults(SandboxFault fault, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (sync)
        {
            for (var i = 0; i < count; i++)
            {
                faults.Enqueue(fault);
            }
        }
    }

    /// <summary>
    /// Makes the next request of <paramref name="operationName"/> run (its changes stay) and then drops the connection
    /// without an answer: the "did my mutation happen?" case of a timeout.
    /// </summary>
    public void LoseNextAnswer(string operationName)
    {
        ArgumentException.ThrowIfNullOrEmpty(operationName);
        lock (sync)
        {
            lostAnswers.Add(operationName);
        }
    }

    /// <summary>Drops faults not yet served.</summary>
    public void ClearFaults()
    {
        lock (sync)
        {
            faults.Clear();
        }
    }

    /// <summary>Points currently available in the store's bucket.</summary>
    public double AvailablePoints
    {
        get
        {
            lock (sync)
            {
                return bucket.Available;
            }
        }
    }

    private T Read<T>(Func<SandboxData, T> read)
    {
        lock (sync)
        {
            return read(data);
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
