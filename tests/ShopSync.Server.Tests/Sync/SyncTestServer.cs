using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopSync.Contracts.V1;
using ShopSync.Server.Hosting;
using ShopSync.Shopify.Client;
using ShopSync.Connector.Persistence;
using ShopSync.Shopify.Sandbox;
using ShopSync.Connector.Shops;
using ShopSync.Connector.Sync;
using ShopSync.Testing;
using ShopSync.Testing.Grpc;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace ShopSync.Server.Tests.Sync;

/// <summary>
/// The real server composition in process (Kestrel on 127.0.0.1:0, SQLite file in a temp dir) next to a sandbox
/// store, with a shop pointing at it. Tasks run through the gRPC EnqueueJob call in the foreground.
/// </summary>
internal sealed class SyncTestServer : IAsyncDisposable
{
    public const string ShopCode = "TEST";
    private static readonly ServiceDescriptor JobQueue = JobQueueReflection.Descriptor.FindTypeByName<ServiceDescriptor>("JobQueueService");

    private readonly TempDirectory _directory;
    private readonly WebApplication _app;

    private SyncTestServer(TempDirectory directory, SandboxHost sandbox, WebApplication app, TestChannel channel)
    {
        _directory = directory;
        Sandbox = sandbox;
        _app = app;
        Channel = channel;
    }

    public SandboxHost Sandbox { get; }
    public SandboxStore Store => Sandbox.Store;
    public TestChannel Channel { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<SyncTestServer> StartAsync(
        SandboxOptions? sandboxOptions = null, ShopChanges? shop = null, IEnumerable<string>? extraArgs = null, Action<IServiceCollection>? configure = null)
    {
        var directory = new TempDirectory();
        var sandbox = await SandboxHost.StartAsync(sandboxOptions ?? new SandboxOptions { RestoreRate = 100_000, BucketSize = 100_000 }, CancellationToken.None);
        string[] args = ["--urls", "http://127.0.0.1:0", "--web-urls", "none", "--db", Path.Combine(directory.Path, "shopsync.db"), .. extraArgs ?? []];
        var builder = WebApplication.CreateBuilder(ServerCommandLine.Normalize(args));
        builder.AddShopSyncServer();
        builder.Services.Configure<ShopifyClientOptions>(o =>
        {
            o.BaseRetryDelay = TimeSpan.FromMilliseconds(5);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(20);
            o.MaxAttempts = 3;
        });
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        await app.PrepareShopSyncAsync(CancellationToken.None);
        app.MapShopSync();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var registry = app.Services.GetRequiredService<IShopRegistry>();
        await registry.CreateAsync(ShopCode, (shop ?? new ShopChanges()) with
        {
            ShopifyUrl = sandbox.BaseUrl.ToString(),
            AccessToken = sandbox.Store.Options.AccessToken,
            AllowBackgroundSyncs = false,
        }, CancellationToken.None);
        return new SyncTestServer(directory, sandbox, app, TestChannel.ForAddress(new Uri(address)));
    }

    public Task UpdateShopAsync(ShopChanges changes) =>
        Services.GetRequiredService<IShopRegistry>().UpdateAsync(ShopCode, changes, CancellationToken.None);

    /// <summary>Queues a task in the foreground and returns every event up to the final one.</summary>
    public async Task<SyncRun> RunAsync(int reportId, IReadOnlyDictionary<string, string>? filters = null, IReadOnlyDictionary<string, string>? options = null,
        string shopCode = ShopCode, int maxAttempts = 1)
    {
        var request = new EnqueueJobRequest { ShopCode = shopCode, ReportId = reportId, Mode = RunMode.Foreground, MaxAttempts = maxAttempts };
        foreach (var (field, expression) in filters ?? new Dictionary<string, string>())
        {
            request.Filters.Add(new RequestPageFilter { Field = field, Expression = expression });
        }
        foreach (var (name, value) in options ?? new Dictionary<string, string>())
        {
            request.Options.Add(new RequestPageOption { Name = name, Value = value });
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var call = Channel.ServerStreaming<EnqueueJobRequest, EnqueueJobResponse>(
            JobQueue.FindMethodByName("EnqueueJob"), request, new TestCallOptions { CancellationToken = timeout.Token });
        var events = new List<JobEvent>();
        await foreach (var response in call.WithCancellation(timeout.Token))
        {
            events.Add(response.Event);
        }
        return new SyncRun(events);
    }

    /// <summary>A fresh database context on the server's connector database.</summary>
    public ConnectorDbContext OpenDb() => Services.GetRequiredService<IDbContextFactory<ConnectorDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Sandbox.DisposeAsync();
        _directory.Dispose();
    }
}
