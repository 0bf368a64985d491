namespace ShopSync.Server.Tests.Infrastructure;

/// <summary>Generous deadlines: the tests run on a loaded 2-core machine. They bound waits; they are never asserted.</summary>
internal static class TestTimeouts
{
    /// <summary>How long to wait for a signal (a run started, an event arrived).</summary>
    public static readonly TimeSpan Signal = TimeSpan.FromSeconds(60);

    /// <summary>The deadline of one gRPC call.</summary>
    public static readonly TimeSpan Call = TimeSpan.FromSeconds(60);
}
