using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ShopSync.Connector.Secrets;
using ShopSync.Shopify.Client;
using ShopSync.Shopify.Sandbox;
using ShopSync.Storage.Postgres.Connector;
using ShopSync.Testing.Postgres;

namespace ShopSync.Storage.Postgres.Tests.Connector;

/// <summary>
/// Three nodes' worth of Shopify clients (three service providers, each with its own registry and budget store instance)
/// reading one sandbox store at once. The sandbox answers THROTTLED whenever its bucket is overdrawn, and counts it.
/// </summary>
public sealed class SharedCostBudgetTests
{
    private const int Nodes = 3;
    private const int ReadersPerNode = 2;

    // Customers page of 3: 2 + 3 × 3 = 11 points; 30 customers are 10 pages, 110 points a read, 660 for all six readers:
    // about two seconds of the restore rate beyond the bucket.
    private static SandboxOptions SmallBucket() => new() { Customers = 30, BucketSize = 60, RestoreRate = 300 };

    [Fact]
    public async Task ReadCustomers_ThreeNodesSharingTheBudgetOnPostgres_SandboxNeverThrottles()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync(nameof(SharedCostBudgetTests));
        try
        {
            await MigrateAsync(connectionString);
            await using var sandbox = await SandboxHost.StartAsync(SmallBucket(), CancellationToken.None);

            var read = await ReadFromNodesAsync(sandbox, _ => new PostgresShopifyCostBudgetStore(connectionString, NullLogger<PostgresShopifyCostBudgetStore>.Instance));

            Assert.Equal(Nodes * ReadersPerNode * 30, read);
            Assert.Equal(0, sandbox.Store.Requests.Count(r => r.Outcome == "THROTTLED"));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task ReadCustomers_ThreeNodesEachWithItsOwnBudget_SandboxThrottles()
    {
        await using var sandbox = await SandboxHost.StartAsync(SmallBucket(), CancellationToken.None);

        await ReadFromNodesAsync(sandbox, _ => null);

        // The control: the same load with per-process budgets overdraws the store's bucket.
        Assert.NotEqual(0, sandbox.Store.Requests.Count(r => r.Outcome == "THROTTLED"));
    }

    private static async Task MigrateAsync(string connectionString)
    {
        await using var provider = new ServiceCollection().AddLogging()
            .AddShopSyncPostgresConnector(connectionString, new KeyRingOptions { KeysDirectory = Path.Combine(Path.GetTempPath(), "shopsync-budget-keys-" + Guid.NewGuid().ToString("N")) })
            .BuildServiceProvider();
        await provider.GetRequiredService<ShopSync.Connector.Persistence.IConnectorDatabase>().MigrateAsync(
            provider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ShopSync.Connector.Persistence.ConnectorDbContext>>(), CancellationToken.None);
    }

    /// <summary>Every node's readers read all customers at once; returns how many customers were read in all.</summary>
    private static async Task<int> ReadFromNodesAsync(SandboxHost sandbox, Func<int, IShopifyCostBudgetStore?> budgets)
    {
        var nodes = Enumerable.Range(0, Nodes).Select(i =>
        {
            var services = new ServiceCollection().AddLogging();
            if (budgets(i) is { } shared)
            {
                services.AddSingleton(shared);
            }

            services.AddShopifyClient(o =>
            {
                o.BaseRetryDelay = TimeSpan.FromMilliseconds(20);
                o.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
                o.MaxAttempts = 20;
            });
            return services.BuildServiceProvider();
        }).ToList();
        try
        {
            var reads = nodes.SelectMany((node, i) => Enumerable.Range(0, ReadersPerNode).Select(r => ReadAllAsync(node, sandbox, $"N{i}-R{r}")));
            return (await Task.WhenAll(reads)).Sum();
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static async Task<int> ReadAllAsync(IServiceProvider node, SandboxHost sandbox, string shopCode)
    {
        var client = node.GetRequiredService<IShopifyClientFactory>()
            .Create(new ShopifyShopConnection(shopCode, sandbox.BaseUrl, sandbox.Store.Options.AccessToken, AllowOutgoingRequests: true));
        var count = 0;
        await foreach (var page in client.GetCustomersAsync(new ShopifyPageRequest(PageSize: 3), CancellationToken.None))
        {
            count += page.Items.Count;
        }

        return count;
    }
}
