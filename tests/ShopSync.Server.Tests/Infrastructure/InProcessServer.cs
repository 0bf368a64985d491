using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ShopSync.Queue.Handlers;
using ShopSync.Server.Hosting;
using ShopSync.Testing;
using ShopSync.Testing.Grpc;

namespace ShopSync.Server.Tests.Infrastructure;

/// <summary>
/// The server's own composition (<c>AddShopSyncServer</c>, <c>PrepareShopSyncAsync</c>, <c>MapShopSync</c>) on
/// real Kestrel at 127.0.0.1:0 with a SQLite file in a temp folder and the diagnostics tasks on. It adds two
/// test tasks: <see cref="GatedReportHandler"/> (91002, runs held by <see cref="Gate"/>) and
/// <see cref="ProbeReportHandler"/> (91001, a request page with fields). Disposing fails the test on an
/// error log the test did not declare.
/// </summary>
internal sealed class InProcessServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempDirectory _directory;
    private readonly HashSet<int> _expectedErrorEvents = [];

    private InProcessServer(WebApplication app, TempDirectory directory, LogCapture logs, RunGate gate, CallTracker calls, Uri address)
    {
        Calls = calls;
        _app = app;
        _directory = directory;
        Logs = logs;
        Gate = gate;
        Address = address;
        Api = new ServerApi(TestChannel.ForAddress(address));
    }

    public Uri Address { get; }

    public LogCapture Logs { get; }

    public RunGate Gate { get; }

    public CallTracker Calls { get; }

    public ServerApi Api { get; }

    public IServiceProvider Services => _app.Services;

    public string DatabaseFile => _directory.File("shopsync.db");

    /// <param name="configureServices">Runs after the server's composition: replace or add services.</param>
    /// <param name="settings">More configuration keys (e.g. <c>Queue:MaxConcurrency</c>).</param>
    public static async Task<InProcessServer> StartAsync(
        Action<IServiceCollection, RunGate>? configureServices = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var directory = new TempDirectory("shopsync-server-tests");
        var logs = new LogCapture();
        var gate = new RunGate();
        var calls = new CallTracker();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = directory.Path,
            EnvironmentName = "Development",
        });
        var configuration = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["WebUrls"] = "none",
            ["Storage:DatabaseFile"] = directory.File("shopsync.db"),
            ["Queue:EnableDiagnosticsTasks"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.AddShopSyncServer();
        builder.Services.AddSingleton(gate);
        builder.Services.AddSingleton(calls);
        builder.Services.Configure<GrpcServiceOptions>(o => o.Interceptors.Add<CallTracker>());
        builder.Services.AddSingleton<IReportHandler>(new GatedReportHandler(GatedReportHandler.GatedReportId, "Gated", gate));
        builder.Services.AddSingleton<IReportHandler, ProbeReportHandler>();
        builder.Services.AddSingleton(ProbeReportHandler.RequestPage);
        configureServices?.Invoke(builder.Services, gate);

        var app = builder.Build();
        try
        {
            await app.PrepareShopSyncAsync(CancellationToken.None);
            app.MapShopSync();
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            directory.Dispose();
            throw;
        }
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new InProcessServer(app, directory, logs, gate, calls, new Uri(bound.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    /// <summary>Declares that an error log with this event id is part of the test.</summary>
    public void ExpectErrorLog(int eventId) => _expectedErrorEvents.Add(eventId);

    /// <summary>A second channel (e.g. one a test disconnects).</summary>
    public TestChannel CreateChannel() => TestChannel.ForAddress(Address);

    public async ValueTask DisposeAsync()
    {
        Gate.ReleaseAll();
        Api.Dispose();
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await _app.StopAsync(stop.Token);
        }
        await _app.DisposeAsync();
        _directory.Dispose();
        var unexpected = Logs.Records
            .Where(r => r.Level >= LogLevel.Error && !_expectedErrorEvents.Contains(r.EventId.Id))
            .Select(r => $"[{r.Category} {r.EventId.Id}] {r.Message} {r.Exception}")
            .ToList();
        if (unexpected.Count > 0)
        {
            var text = "Unexpected error logs:\n" + string.Join("\n", unexpected);
            FailureReport.Write("unexpected-error-logs", text);
            Assert.Fail(text);
        }
    }
}
