namespace ShopSync.Server.Tests.Interop;

/// <summary>`buf curl` drives the real server through server reflection v1 and v1alpha, and through gRPC-Web.</summary>
[Collection(InteropCollection.Name)]
public sealed class BufCurlTests(InteropServerFixture fixture)
{
    [Theory]
    [InlineData("grpc-v1")]
    [InlineData("grpc-v1alpha")]
    public async Task ListServices_ReflectionProtocol_ListsEveryService(string reflectProtocol)
    {
        var result = await BufCurlAsync(["--protocol", "grpc", "--http2-prior-knowledge", "--reflect-protocol", reflectProtocol, "--list-services", fixture.Server.Address.ToString()]);

        Assert.True(result.ExitCode == 0, ProcessRunner.Describe(result));
        string[] services =
        [
            "shopsync.v1.JobQueueService", "shopsync.v1.ShopService", "shopsync.v1.ScheduleService", "shopsync.v1.ErpBookService",
            "shopsync.v1.SyncStatusService", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection",
        ];
        Assert.All(services, s => Assert.Contains(s, result.StandardOutput, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("grpc-v1")]
    [InlineData("grpc-v1alpha")]
    public async Task ListReports_ByReflection_AnswersTheTasks(string reflectProtocol)
    {
        var result = await BufCurlAsync(["--protocol", "grpc", "--http2-prior-knowledge", "--reflect-protocol", reflectProtocol, "-d", "{}",
            $"{fixture.Server.Address}shopsync.v1.JobQueueService/ListReports"]);

        Assert.True(result.ExitCode == 0, ProcessRunner.Describe(result));
        Assert.Contains("\"reportId\": 90001", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetJob_BadId_ShowsTheStatusAndItsBadRequestDetail()
    {
        var result = await BufCurlAsync(["--protocol", "grpc", "--http2-prior-knowledge", "-d", "{\"jobId\": \"nope\"}",
            $"{fixture.Server.Address}shopsync.v1.JobQueueService/GetJob"]);

        Assert.NotEqual(0, result.ExitCode);
        var output = result.StandardOutput + result.StandardError;
        Assert.Contains("invalid_argument", output, StringComparison.Ordinal);
        Assert.Contains("google.rpc.BadRequest", output, StringComparison.Ordinal);
        Assert.Contains("job_id", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrpcWeb_WebEndpointOverHttp1_AnswersCallsAndErrorDetails()
    {
        // gRPC-Web over HTTP/1.1 (what a browser speaks), with the schema from protos/: buf's reflection client
        // would try HTTP/2 on this endpoint.
        string[] web = ["--protocol", "grpcweb", "--schema", InteropPaths.ContractProtos];
        var reports = await BufCurlAsync([.. web, "-d", "{}", $"{fixture.WebAddress}shopsync.v1.JobQueueService/ListReports"]);
        var error = await BufCurlAsync([.. web, "-d", "{\"jobId\": \"nope\"}", $"{fixture.WebAddress}shopsync.v1.JobQueueService/GetJob"]);

        Assert.True(reports.ExitCode == 0, ProcessRunner.Describe(reports));
        Assert.Contains("\"reportId\": 90001", reports.StandardOutput, StringComparison.Ordinal);
        Assert.NotEqual(0, error.ExitCode);
        Assert.Contains("invalid_argument", error.StandardOutput + error.StandardError, StringComparison.Ordinal);
        Assert.Contains("google.rpc.BadRequest", error.StandardOutput + error.StandardError, StringComparison.Ordinal);
    }

    private static async Task<ProcessRunner.Result> BufCurlAsync(string[] arguments)
    {
        Assert.True(File.Exists(InteropPaths.Buf), $"{InteropPaths.Buf} is missing. {InteropPaths.InstallHint}");
        return await ProcessRunner.RunAsync(InteropPaths.Buf, ["curl", "--timeout", "60s", .. arguments], TimeSpan.FromMinutes(2), workingDirectory: Path.GetTempPath());
    }
}
