using System.Collections.Concurrent;
using System.Globalization;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Routing;
using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Server.Tests.Interop;
using ShopSync.Testing.Grpc;
using Xunit.Abstractions;

namespace ShopSync.Server.Tests.Faults;

/// <summary>
/// Random input to every RPC of every service the server maps (taken from its endpoints and the request messages'
/// descriptors): random bytes and mutated valid messages, in well-formed gRPC frames. The bar: never UNKNOWN or
/// INTERNAL, never an unexpected error log (the server's own check at dispose), and health answers throughout.
/// The seed is fixed (override with SHOPSYNC_FUZZ_SEED) and printed with every failure.
/// </summary>
public sealed class RandomInputTests(ITestOutputHelper output)
{
    private const int RandomCasesPerMethod = 15;
    private const int MutatedCasesPerMethod = 30;
    private const int Parallel = 8;

    /// <summary>grpc-message and its details quote at most ~100 characters of input (docs/limits.md): a few KB at most.</summary>
    private const int MaxStatusBytes = 4096;

    [Fact]
    public async Task EveryRpc_RandomAndMutatedRequests_NeverUnknownAndHealthAnswersThroughout()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SHOPSYNC_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 16_0616;
        await using var server = await InProcessServer.StartAsync();
        var methods = Methods(server);
        Assert.True(methods.Count >= 40, $"found {methods.Count} RPCs: " + string.Join(", ", methods.Select(m => m.Path)));
        using var raw = new RawGrpcClient(server.Address, maxStatusKilobytes: 64 * 1024);
        var failures = new ConcurrentQueue<string>();
        var calls = 0;

        foreach (var method in methods)
        {
            // One generator per method: a failure replays with the same seed whatever ran before it.
            // string.GetHashCode is randomised per process: a stable hash of the path keeps a seed's cases the same.
            var generator = new RandomMessages(seed ^ StableHash(method.Path) & 0x7fffffff);
            var cases = new List<(string Kind, byte[] Payload)>();
            for (var i = 0; i < RandomCasesPerMethod; i++)
            {
                cases.Add(("random bytes", generator.RandomBytes()));
            }
            for (var i = 0; i < MutatedCasesPerMethod; i++)
            {
                cases.Add(("mutated message", generator.Mutated(method.Request)));
            }

            await System.Threading.Tasks.Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (c, _) =>
            {
                Interlocked.Increment(ref calls);
                var payload = $"payload {Convert.ToHexString(c.Payload.AsSpan(0, Math.Min(64, c.Payload.Length)))} ({c.Payload.Length} bytes)";
                try
                {
                    var response = await raw.SendAsync(
                        method.Path, RawGrpcClient.Frame(0, (uint)c.Payload.Length, c.Payload), headers: Deadline(method));
                    if (response.HttpStatus != System.Net.HttpStatusCode.OK || response.GrpcStatus is null or "2" or "13"
                        || response.StatusBytes > MaxStatusBytes)
                    {
                        var message = response.GrpcMessage is { Length: > 200 } text ? text[..200] + "…" : response.GrpcMessage;
                        failures.Enqueue(
                            $"{method.Path} {c.Kind}: HTTP {(int)response.HttpStatus} grpc-status {response.GrpcStatus ?? "none"} " +
                            $"({response.StatusBytes} bytes of status: {message}); {payload}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or IOException)
                {
                    // E.g. trailers past the client's 64 KB header limit: an error that echoed the input.
                    var failure = $"{method.Path} {c.Kind}: {e.Message} {e.InnerException?.InnerException?.Message}; {payload}";
                    failures.Enqueue(failure);
                    output.WriteLine(failure);
                }
            });
            await AssertServingAsync(server, method.Path, seed);
        }

        output.WriteLine($"seed {seed}: {calls} calls to {methods.Count} RPCs, {failures.Count} failed the bar");
        foreach (var failure in failures)
        {
            output.WriteLine(failure);
        }
        Assert.True(failures.IsEmpty, $"seed {seed}: {failures.Count} of {calls} calls failed the bar:\n" + string.Join("\n", failures.Take(30)));
    }

    /// <summary>Streams that stay open (watches) end at a short deadline; unary calls get a generous one.</summary>
    private static Dictionary<string, string> Deadline(RpcMethod method) =>
        new() { ["grpc-timeout"] = method.Type == MethodType.Unary ? "10S" : "300m" };

    private static async Task AssertServingAsync(InProcessServer server, string after, int seed)
    {
        using var channel = server.CreateChannel();
        var check = HealthReflection.Descriptor.Services[0].FindMethodByName("Check");
        var reply = await channel.UnaryAsync<HealthCheckRequest, HealthCheckResponse>(
            check, new HealthCheckRequest(), new TestCallOptions { Timeout = TimeSpan.FromSeconds(30) });
        Assert.True(reply.Status == HealthCheckResponse.Types.ServingStatus.Serving, $"seed {seed}: health {reply.Status} after {after}");
    }

    private static List<RpcMethod> Methods(InProcessServer server)
    {
        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        var methods = new Dictionary<string, RpcMethod>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            var method = endpoint.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
            var requestType = method is not null && method.GetType().IsGenericType ? method.GetType().GetGenericArguments()[0] : null;
            if (method is null || requestType?.GetProperty("Descriptor")?.GetValue(null) is not MessageDescriptor request)
            {
                continue;
            }

            var path = method.FullName.StartsWith('/') ? method.FullName : "/" + method.FullName;
            methods.TryAdd(path, new RpcMethod(path, method.Type, request));
        }

        return [.. methods.Values.OrderBy(m => m.Path, StringComparer.Ordinal)];
    }

    private sealed record RpcMethod(string Path, MethodType Type, MessageDescriptor Request);

    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)hash;
    }
}
