using System.Net;

namespace ShopSync.Benchmarks.Engine;

/// <summary>
/// The far side of the server's telemetry for `engine --telemetry on`: an OTLP/HTTP receiver that accepts every export
/// (an empty protobuf answer is a valid Export*ServiceResponse), and a scraper of the server's Prometheus endpoint at
/// Prometheus' usual 15 s. It counts what arrives, so a run shows that telemetry was really on.
/// </summary>
internal sealed class TelemetrySink : IAsyncDisposable
{
    private static readonly TimeSpan ScrapeInterval = TimeSpan.FromSeconds(15);

    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;
    private Task _scraping = Task.CompletedTask;
    private long _exports;
    private long _scrapes;
    private long _scrapedShopSyncLines;

    public TelemetrySink(int otlpPort, int metricsPort)
    {
        OtlpEndpoint = new Uri($"http://127.0.0.1:{otlpPort}");
        MetricsUrl = new Uri($"http://127.0.0.1:{metricsPort}");
        _listener.Prefixes.Add($"http://127.0.0.1:{otlpPort}/");
        _listener.Start();
        _receiving = ReceiveAsync(_stop.Token);
    }

    public Uri OtlpEndpoint { get; }

    public Uri MetricsUrl { get; }

    /// <summary>Starts scraping once the server listens on <see cref="MetricsUrl"/>.</summary>
    public void StartScraping() => _scraping = ScrapeAsync(_stop.Token);

    public string Summary() =>
        $"telemetry: {Interlocked.Read(ref _exports)} OTLP exports received (traces and metrics), " +
        $"{Interlocked.Read(ref _scrapes)} scrapes of /metrics (last had {Interlocked.Read(ref _scrapedShopSyncLines)} shopsync_ lines)";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await Task.WhenAll(_receiving, _scraping).ConfigureAwait(false);
        _listener.Close();
        _stop.Dispose();
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _exports);
            await context.Request.InputStream.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.ContentLength64 = 0;
            context.Response.Close();
        }
    }

    private async Task ScrapeAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var text = await http.GetStringAsync(new Uri(MetricsUrl, "/metrics"), cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _scrapes);
                Interlocked.Exchange(ref _scrapedShopSyncLines, text.Split('\n').Count(l => l.StartsWith("shopsync_", StringComparison.Ordinal)));
                await Task.Delay(ScrapeInterval, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run is over.
        }
    }
}
