using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ShopSync.Queue.Telemetry;

namespace ShopSync.Server.Hosting;

/// <summary>
/// OpenTelemetry export: metrics of the queue (meter <c>ShopSync.Queue</c>), ASP.NET Core and HttpClient, to the
/// Prometheus scrape endpoint (<see cref="MetricsEndpoint"/>, on the web endpoint and any <c>--metrics-urls</c>) and to
/// OTLP (when <c>--otlp-endpoint URL</c> is given, also traces). With neither (no web endpoint and no metrics URL, or
/// <c>Metrics:Enabled=false</c>, and no OTLP), no SDK is set up at all, so the instruments and the activity source cost
/// nothing.
/// </summary>
internal static class TelemetrySetup
{
    /// <summary>Store-call spans (one per database call) only when <c>Telemetry:StoreSpans=true</c>: a debugging aid.</summary>
    public const string StoreSpansKey = "Telemetry:StoreSpans";

    public static WebApplicationBuilder AddShopSyncTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        LogFormat.Apply(builder);
        var otlp = OtlpEndpoint(configuration);
        var prometheus = MetricsEndpoint.Configure(builder);
        if (otlp is null && !prometheus)
        {
            return builder;
        }

        var protocol = OtlpProtocol(configuration);
        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService("shopsync-server"));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(QueueTelemetry.Name, Telemetry.ConnectorMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
            if (prometheus)
            {
                metrics.AddPrometheusExporter();
            }

            if (otlp is not null)
            {
                metrics.AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (otlp, protocol));
            }
        });
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.SetSampler(Telemetry.TraceSampling.From(configuration))
                    .AddSource(QueueTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (configuration.GetValue<bool>(StoreSpansKey))
                {
                    tracing.AddSource(QueueTelemetry.StoreName);
                }

                tracing.AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (otlp, protocol));
            });
        }

        return builder;
    }

    private static Uri? OtlpEndpoint(IConfiguration configuration)
    {
        var text = configuration["otlp-endpoint"] is { Length: > 0 } flag ? flag : configuration["Telemetry:OtlpEndpoint"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"--otlp-endpoint: \"{text}\" is not an http:// or https:// URL such as http://127.0.0.1:4317");
        }

        return uri;
    }

    private static OtlpExportProtocol OtlpProtocol(IConfiguration configuration) =>
        (configuration["otlp-protocol"] ?? configuration["Telemetry:OtlpProtocol"]) switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new ArgumentException($"--otlp-protocol: \"{other}\" is neither grpc nor http/protobuf"),
        };
}
