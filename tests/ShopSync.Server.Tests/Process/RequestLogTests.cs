using ShopSync.Contracts.V1;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Process;

/// <summary>
/// The real binary's request logging (issue 16, defect 10): by default no per-request line (ASP.NET Core hosting and
/// routing, Grpc.AspNetCore), while ShopSync's own lines stay; <c>--log-requests</c> or a configured level brings them back.
/// In-process test servers filter "Microsoft" themselves, so only the binary shows the real default.
/// </summary>
[Collection(RealServerCollection.Name)]
public sealed class RequestLogTests
{
    private static readonly string[] RequestCategories =
        ["Microsoft.AspNetCore.Hosting.Diagnostics", "Microsoft.AspNetCore.Routing.EndpointMiddleware"];

    [Theory]
    [InlineData(false)]
    [InlineData(true, "--log-requests")]
    [InlineData(true, "--Logging:LogLevel:Microsoft.AspNetCore=Information")]
    public async Task Server_CallsServed_PerRequestLinesOnlyWhenAskedFor(bool expectRequestLines, params string[] args)
    {
        using var directory = new TempDirectory("shopsync-request-logs");
        await using var server = await RealServer.StartAsync(directory.File("shopsync.db"), args);
        using (var api = RealServer.Api(server))
        {
            var jobId = await api.EnqueueBackgroundAsync(Infrastructure.Requests.Diagnostics());
            await api.WaitForStatusAsync(jobId, JobStatus.Finished);
        }
        await server.StopAsync();
        var output = server.Output;

        Assert.Contains("ShopSync", output, StringComparison.Ordinal);
        foreach (var category in RequestCategories)
        {
            Assert.True(
                output.Contains(category, StringComparison.Ordinal) == expectRequestLines,
                $"{category} lines expected {expectRequestLines} with [{string.Join(' ', args)}]:\n{output}");
        }
    }
}
