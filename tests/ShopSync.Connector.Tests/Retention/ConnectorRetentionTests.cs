using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ShopSync.Connector.Persistence;
using ShopSync.Connector.Retention;
using ShopSync.Connector.Status;
using ShopSync.Connector.Sync;
using ShopSync.Connector.Webhooks;
using ShopSync.Queue.Retention;
using ShopSync.Queue.Storage;
using ShopSync.Shopify.Client;
using ShopSync.Testing;

namespace ShopSync.Connector.Tests.Retention;

/// <summary>Recorded Shopify calls and webhook dedupe rows age out on a fake clock; everything else stays.</summary>
public sealed class ConnectorRetentionTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _dir = new("retention");
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly ServiceProvider _services;

    public ConnectorRetentionTests()
    {
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(_clock)
            .AddShopSyncShops($"Data Source={_dir.File("shopsync.db")}")
            .AddConnectorStatus()
            .AddConnectorRetention(o => o.BatchSize = 2)
            .BuildServiceProvider();
    }

    [Fact]
    public async Task Sweep_OldCallsAndDeliveries_GoAndFailedCallsTheCueListsStay()
    {
        await MigrateAsync();
        await using (var db = Db())
        {
            db.ShopifyApiCalls.AddRange(
                Call("old-1", Now.AddDays(-8), failed: false),
                Call("old-2", Now.AddDays(-9), failed: false),
                Call("old-3", Now.AddDays(-10), failed: false),
                Call("young", Now.AddDays(-6), failed: false),
                Call("failed-cue", Now.AddDays(-10), failed: true),
                Call("failed-old", Now.AddDays(-31), failed: true));
            db.Set<WebhookDeliveryEntity>().AddRange(Delivery("w-old-1", Now.AddDays(-4)), Delivery("w-old-2", Now.AddDays(-5)),
                Delivery("w-old-3", Now.AddDays(-6)), Delivery("w-young", Now.AddDays(-1)));
            await db.SaveChangesAsync();
        }

        var results = new List<RetentionPartResult>();
        foreach (var part in _services.GetServices<IRetentionPart>())
        {
            results.Add(await part.SweepAsync(TimeSpan.FromSeconds(30), CancellationToken.None));
        }

        Assert.Equal([("recorded Shopify calls", 4L, true), ("webhook deliveries", 3L, true)], results.Select(r => (r.Name, r.Removed, r.Complete)));
        await using (var db = Db())
        {
            Assert.Equal(["failed-cue", "young"], (await db.ShopifyApiCalls.Select(c => c.RequestId!).ToListAsync()).Order());
            Assert.Equal(["w-young"], await db.Set<WebhookDeliveryEntity>().Select(d => d.WebhookId).ToListAsync());
        }

        var cues = await _services.GetRequiredService<ConnectorCueCounter>().CountAsync("TEST", CancellationToken.None);
        Assert.Equal(1, cues[StatusCue.ApiErrors]);
    }

    [Fact]
    public async Task Sweep_BudgetSpentAfterOneBatch_StopsIncompleteAndTheNextSweepGoesOn()
    {
        await MigrateAsync();
        await using (var db = Db())
        {
            db.Set<WebhookDeliveryEntity>().AddRange(Enumerable.Range(0, 5).Select(i => Delivery($"w{i}", Now.AddDays(-4 - i))));
            await db.SaveChangesAsync();
        }

        var part = _services.GetServices<IRetentionPart>().Single(p => p is WebhookDeliveryRetention);

        var first = await part.SweepAsync(TimeSpan.Zero, CancellationToken.None);
        var second = await part.SweepAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal((2L, false), (first.Removed, first.Complete));
        Assert.Equal((3L, true), (second.Removed, second.Complete));
    }

    [Theory]
    [InlineData("Calls", "0.00:00:00")]
    [InlineData("FailedCalls", "1.00:00:00")]
    [InlineData("WebhookDeliveries", "1.00:00:00")]
    public void Options_OutOfRange_FailNamingTheSetting(string setting, string value)
    {
        var options = new ConnectorRetentionOptions();
        typeof(ConnectorRetentionOptions).GetProperty(setting)!.SetValue(options, TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        var result = _services.GetRequiredService<IEnumerable<IValidateOptions<ConnectorRetentionOptions>>>().Single().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Shopify:Retention:{setting} must", result.FailureMessage);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private ConnectorDbContext Db() => _services.GetRequiredService<IDbContextFactory<ConnectorDbContext>>().CreateDbContext();

    private async Task MigrateAsync()
    {
        await using var db = Db();
        await ProcessMigrationLock.RunAsync(() => db.Database.MigrateAsync(), CancellationToken.None);
    }

    private static ShopifyApiCallEntity Call(string requestId, DateTimeOffset at, bool failed) => new()
    {
        ShopCode = "TEST",
        OperationName = "orders",
        Outcome = failed ? ShopifyCallOutcome.GraphQLErrors : ShopifyCallOutcome.Succeeded,
        Failed = failed,
        RequestId = requestId,
        StartedAt = at,
    };

    private static WebhookDeliveryEntity Delivery(string id, DateTimeOffset at) =>
        new() { WebhookId = id, ShopCode = "TEST", Topic = "orders/create", ReceivedAtTicks = at.UtcTicks };
}
