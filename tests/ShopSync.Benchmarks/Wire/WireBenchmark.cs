using System.Globalization;
using System.Net;
using Google.Protobuf;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using ShopSync.Testing.Grpc;

namespace ShopSync.Benchmarks.Wire;

/// <summary>
/// `wire`: unary gRPC throughput of the gRPC stack ShopSync runs on (Grpc.AspNetCore with ShopSync's service options,
/// grpc.health.v1.Health/Check of Grpc.AspNetCore.HealthChecks) against a raw Kestrel endpoint that frames the same
/// call by hand, both driven by h2load in one process and one run; plus allocations per call.
/// Options: --requests N (default 200000).
/// </summary>
internal static class WireBenchmark
{
    private const string HealthCheckPath = "/grpc.health.v1.Health/Check";
    private const string HealthServiceName = "grpc.health.v1.Health";

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var requests = args.Length >= 2 && args[0] == "--requests" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000;
        await using var app = await StartServerAsync(cancellationToken);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var bodyFile = WriteRequestBody();
        try
        {
            await VerifyResponsesAsync(address, cancellationToken);
            var wireUrl = new Uri(address, HealthCheckPath);
            var rawUrl = new Uri(address, RawGrpcEndpoint.Path);
            await H2Load.RunAsync(wireUrl, bodyFile, requests / 4, cancellationToken);
            await H2Load.RunAsync(rawUrl, bodyFile, requests / 4, cancellationToken);

            // Alternate the two endpoints over a few rounds and keep each one's best: the 2 cores are shared with h2load.
            H2Load.Result? raw = null;
            H2Load.Result? wire = null;
            double allocatedPerCall = double.MaxValue;
            for (var round = 0; round < 3; round++)
            {
                var rawRound = await H2Load.RunAsync(rawUrl, bodyFile, requests, cancellationToken);
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var wireRound = await H2Load.RunAsync(wireUrl, bodyFile, requests, cancellationToken);
                allocatedPerCall = Math.Min(allocatedPerCall, (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)requests);
                if (wireRound.Failed > 0 || rawRound.Failed > 0 || wireRound.Succeeded != requests || rawRound.Succeeded != requests)
                {
                    Console.Error.WriteLine($"h2load reported failures: wire {wireRound.Failed}, raw {rawRound.Failed}\n{wireRound.Output}\n{rawRound.Output}");
                    return 1;
                }
                raw = raw is null || rawRound.RequestsPerSecond > raw.RequestsPerSecond ? rawRound : raw;
                wire = wire is null || wireRound.RequestsPerSecond > wire.RequestsPerSecond ? wireRound : wire;
            }
            await VerifyResponsesAsync(address, cancellationToken);

            Console.WriteLine(FormattableString.Invariant($"BENCH wire_unary_per_s {wire!.RequestsPerSecond:F0} calls/s"));
            Console.WriteLine(FormattableString.Invariant($"BENCH raw_kestrel_per_s {raw!.RequestsPerSecond:F0} calls/s"));
            Console.WriteLine(FormattableString.Invariant($"BENCH wire_ratio {wire!.RequestsPerSecond / raw!.RequestsPerSecond:F3} ratio"));
            Console.WriteLine(FormattableString.Invariant($"BENCH wire_alloc_bytes_per_call {allocatedPerCall:F0} bytes"));
            return 0;
        }
        finally
        {
            File.Delete(bodyFile);
            await app.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<WebApplication> StartServerAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning).AddConsole();
        builder.WebHost.ConfigureKestrel(k => k.Listen(new IPEndPoint(IPAddress.Loopback, 0), l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = 4 * 1024 * 1024;
            o.MaxSendMessageSize = 16 * 1024 * 1024;
            o.EnableDetailedErrors = false;
        });
        // An in-memory check (with none the status is UNKNOWN): the figure is the stack's, not a store query's.
        builder.Services.AddGrpcHealthChecks(o => o.Services.Map(HealthServiceName, _ => true))
            .AddCheck("always", () => HealthCheckResult.Healthy());
        var app = builder.Build();
        app.MapGrpcHealthChecksService();
        app.MapPost(RawGrpcEndpoint.Path, (RequestDelegate)RawGrpcEndpoint.HandleAsync);
        await app.StartAsync(cancellationToken);
        return app;
    }

    private static string WriteRequestBody()
    {
        var message = new HealthCheckRequest { Service = HealthServiceName }.ToByteArray();
        var body = new byte[5 + message.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(1), (uint)message.Length);
        message.CopyTo(body, 5);
        var path = Path.Combine(Path.GetTempPath(), $"shopsync-wire-{Environment.ProcessId}.bin");
        File.WriteAllBytes(path, body);
        return path;
    }

    /// <summary>h2load only checks HTTP status; check real gRPC answers of both endpoints with our client.</summary>
    private static async Task VerifyResponsesAsync(Uri address, CancellationToken cancellationToken)
    {
        using var channel = TestChannel.ForAddress(address);
        var check = HealthReflection.Descriptor.Services[0].FindMethodByName("Check");
        var request = new HealthCheckRequest { Service = HealthServiceName };
        var wire = await channel.UnaryAsync<HealthCheckRequest, HealthCheckResponse>(check, request, new TestCallOptions { CancellationToken = cancellationToken });
        if (wire.Status != HealthCheckResponse.Types.ServingStatus.Serving)
        {
            throw new InvalidOperationException($"The gRPC endpoint answered {wire}.");
        }
        using var http = new HttpMessageInvoker(new SocketsHttpHandler());
        using var raw = new HttpRequestMessage(HttpMethod.Post, new Uri(address, RawGrpcEndpoint.Path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(File.ReadAllBytes(WriteRequestBody())),
        };
        raw.Content.Headers.TryAddWithoutValidation("content-type", "application/grpc");
        using var response = await http.SendAsync(raw, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var parsed = HealthCheckResponse.Parser.ParseFrom(bytes.AsSpan(5));
        if (parsed.Status != HealthCheckResponse.Types.ServingStatus.Serving || !response.TrailingHeaders.TryGetValues("grpc-status", out var status) || status.First() != "0")
        {
            throw new InvalidOperationException("The raw endpoint answered wrongly.");
        }
    }
}
