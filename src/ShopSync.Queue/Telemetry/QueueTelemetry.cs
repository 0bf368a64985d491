using System.Diagnostics;

namespace ShopSync.Queue.Telemetry;

/// <summary>The names an exporter subscribes to: the queue's meter and activity sources.</summary>
public static class QueueTelemetry
{
    /// <summary>The meter (<see cref="System.Diagnostics.Metrics.Meter"/>) and activity source of the queue engine.</summary>
    public const string Name = "ShopSync.Queue";

    /// <summary>The activity source of store calls: subscribe only when debugging (one span per database call).</summary>
    public const string StoreName = "ShopSync.Queue.Store";

    /// <summary>Spans: one per enqueue (producer), one per attempt (consumer, linked to its enqueue).</summary>
    internal static readonly ActivitySource Source = new(Name);
}
