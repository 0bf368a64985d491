using System.Globalization;
using ShopSync.Grpc.Tests.Infrastructure;

namespace ShopSync.Grpc.Tests.Reflection;

/// <summary>`buf curl` (the grpcurl substitute) drives our server through server reflection v1 and v1alpha.</summary>
public sealed class BufCurlReflectionTests
{
    [Theory]
    [InlineData("grpc-v1")]
    [InlineData("grpc-v1alpha")]
    public async Task ListServices_BufCurl_ListsEveryMappedService(string reflectProtocol)
    {
        await using var server = await GrpcTestServer.StartAsync();

        var result = await BufCurlAsync(server, ["--reflect-protocol", reflectProtocol, "--list-services", server.Address.ToString()]);

        Assert.True(result.ExitCode == 0, ProcessRunner.Describe(result));
        foreach (var service in new[] { "grpc.testing.TestService", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection" })
        {
            Assert.Contains(service, result.StandardOutput, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnaryCall_BufCurlByReflection_ReturnsResponse()
    {
        await using var server = await GrpcTestServer.StartAsync();

        var result = await BufCurlAsync(server, ["-d", "{\"responseSize\": 3}", $"{server.Address}grpc.testing.TestService/UnaryCall"]);

        Assert.True(result.ExitCode == 0, ProcessRunner.Describe(result));
        Assert.Contains("\"body\": \"AAAA\"", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthCheck_BufCurlByReflection_Serving()
    {
        await using var server = await GrpcTestServer.StartAsync();

        var result = await BufCurlAsync(server, ["-d", "{\"service\": \"grpc.testing.TestService\"}", $"{server.Address}grpc.health.v1.Health/Check"]);

        Assert.True(result.ExitCode == 0, ProcessRunner.Describe(result));
        Assert.Contains("\"status\": \"SERVING\"", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthCheck_UnknownServiceWithBufCurl_NotFound()
    {
        await using var server = await GrpcTestServer.StartAsync();

        var result = await BufCurlAsync(server, ["-d", "{\"service\": \"no.such.Service\"}", $"{server.Address}grpc.health.v1.Health/Check"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("not_found", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusWithDetails_BufCurl_ShowsBadRequestDetail()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.Interceptors.Add(new Server.FailingInterceptor()));

        var result = await BufCurlAsync(server, ["-H", "x-fail: invalid-argument", "-d", "{}", $"{server.Address}grpc.testing.TestService/EmptyCall"]);

        Assert.NotEqual(0, result.ExitCode);
        var output = result.StandardOutput + result.StandardError;
        Assert.Contains("invalid_argument", output, StringComparison.Ordinal);
        Assert.Contains("google.rpc.BadRequest", output, StringComparison.Ordinal);
    }

    private static async Task<ProcessRunner.Result> BufCurlAsync(GrpcTestServer server, string[] arguments)
    {
        Assert.True(File.Exists(RepoPaths.Buf), $"{RepoPaths.Buf} is missing. {RepoPaths.InstallHint}");
        _ = server.Port.ToString(CultureInfo.InvariantCulture);
        return await ProcessRunner.RunAsync(
            RepoPaths.Buf,
            ["curl", "--protocol", "grpc", "--http2-prior-knowledge", "--timeout", "60s", .. arguments],
            TimeSpan.FromMinutes(2),
            workingDirectory: Path.GetTempPath());
    }
}
