namespace ShopSync.Server.Demo;

/// <summary>Configuration section <c>Demo</c>; <c>--demo</c> sets <c>Demo:Enabled</c>.</summary>
internal sealed class DemoOptions
{
    public const string SectionName = "Demo";

    public bool Enabled { get; set; }

    /// <summary>The demo shop's code.</summary>
    public string ShopCode { get; set; } = "demo";

    /// <summary>Loopback port of the sandbox store; 0 picks a free one at each start.</summary>
    public int SandboxPort { get; set; }

    /// <summary>
    /// The sandbox's cost restore rate (points/s). Shopify's standard plan restores 100/s; the demo uses
    /// more so a first sync takes seconds, not minutes. The pacing itself is the same code either way.
    /// </summary>
    public double SandboxRestoreRate { get; set; } = 1000;

    public double SandboxBucketSize { get; set; } = 2000;

    /// <summary>The webhook secret of the demo shop (to try the webhook endpoint by hand).</summary>
    public string WebhookSecret { get; set; } = "demo-webhook-secret";
}
