using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ShopSync.Queue.Controls;
using ShopSync.Queue.Dispatching;
using ShopSync.Queue.Handlers;
using ShopSync.Storage;
using ShopSync.Storage.Sqlite;

namespace ShopSync.Queue.Tests.Support;

/// <summary>The real engine on a real SQLite file: services, dispatcher started, cleaned up on dispose.</summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string? _ownedFolder;
    private bool _stopped;

    private EngineHost(ServiceProvider services, string? ownedFolder, string databaseFile)
    {
        _services = services;
        _ownedFolder = ownedFolder;
        DatabaseFile = databaseFile;
    }

    public string DatabaseFile { get; }

    public IJobQueue Queue => _services.GetRequiredService<IJobQueue>();

    public Dispatcher Dispatcher => _services.GetRequiredService<Dispatcher>();

    public IServiceProvider Services => _services;

    public static async Task<EngineHost> StartAsync(
        Action<IServiceCollection>? configureServices = null,
        Action<QueueOptions>? configureQueue = null,
        TimeProvider? time = null,
        string? databaseFile = null)
    {
        string? folder = null;
        if (databaseFile is null)
        {
            folder = Path.Combine(Path.GetTempPath(), "shopsync-engine-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            databaseFile = Path.Combine(folder, "queue.db");
        }

        var services = new ServiceCollection();
        services.AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddShopSyncQueue(o =>
        {
            o.EnableDiagnosticsTasks = true;
            o.ShutdownGracePeriod = TimeSpan.FromSeconds(2);
            configureQueue?.Invoke(o);
        });
        services.AddShopSyncSqliteStore($"Data Source={databaseFile}", o => o.Synchronous = SqliteSynchronousMode.Normal);
        configureServices?.Invoke(services);
        var provider = services.BuildServiceProvider();
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return new EngineHost(provider, folder, databaseFile);
    }

    public static IServiceCollection Handler(IServiceCollection services, IReportHandler handler) =>
        services.AddSingleton(handler);

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        foreach (var hosted in _services.GetServices<IHostedService>())
        {
            await hosted.StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _services.DisposeAsync();
        if (_ownedFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_ownedFolder, recursive: true);
            }
            catch (IOException)
            {
                // Another host on the same file may still hold it; the temp folder is cleaned by the OS.
            }
        }
    }
}
