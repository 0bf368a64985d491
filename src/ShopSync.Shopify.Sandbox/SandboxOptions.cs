namespace ShopSync.Shopify.Sandbox;

/// <summary>How a sandbox store is seeded, throttled and protected.</summary>
public sealed class SandboxOptions
{
    /// <summary>Seed of the deterministic demo data: the same seed and sizes give the same store.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Number of products (each with 1–3 variants and 1–2 images).</summary>
    public int Products { get; set; } = 20;

    /// <summary>Number of customers.</summary>
    public int Customers { get; set; } = 30;

    /// <summary>Number of B2B companies (each with 1–2 locations).</summary>
    public int Companies { get; set; } = 4;

    /// <summary>Number of orders (every financial and fulfillment state occurs once there are 21 or more).</summary>
    public int Orders { get; set; } = 60;

    /// <summary>Number of payouts (balance transactions are derived from paid orders).</summary>
    public int Payouts { get; set; } = 6;

    /// <summary>Number of disputes.</summary>
    public int Disputes { get; set; } = 3;

    /// <summary>Cost bucket size (Shopify's maximumAvailable).</summary>
    public double BucketSize { get; set; } = 2000;

    /// <summary>Points restored per second (Shopify's restoreRate).</summary>
    public double RestoreRate { get; set; } = 100;

    /// <summary>Largest cost of a single query (Shopify: 1000).</summary>
    public int MaxSingleQueryCost { get; set; } = 1000;

    /// <summary>The access token the store accepts in <c>X-Shopify-Access-Token</c>.</summary>
    public string AccessToken { get; set; } = "shpat_sandbox_demo_token";

    /// <summary>Shop name.</summary>
    public string ShopName { get; set; } = "ShopSync Demo Store";

    /// <summary>Shop currency.</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>Clock of the throttle bucket and of records created by mutations.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>A store sized for the 10,000-order benchmark, with a generous bucket.</summary>
    public static SandboxOptions Benchmark(int orders = 10_000) => new()
    {
        Orders = orders,
        Products = 200,
        Customers = 2_000,
        Companies = 50,
        Payouts = 100,
        Disputes = 20,
        BucketSize = 20_000,
        RestoreRate = 10_000,
    };

    internal void Validate()
    {
        if (Products < 1 || Customers < 1 || Orders < 0 || Companies < 0 || Payouts < 0 || Disputes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Products), "SandboxOptions sizes must be positive (Products and Customers at least 1).");
        }

        if (BucketSize <= 0 || RestoreRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(BucketSize), "SandboxOptions.BucketSize and RestoreRate must be positive.");
        }

        if (string.IsNullOrEmpty(AccessToken))
        {
            throw new ArgumentException("SandboxOptions.AccessToken must not be empty.", nameof(AccessToken));
        }
    }
}
