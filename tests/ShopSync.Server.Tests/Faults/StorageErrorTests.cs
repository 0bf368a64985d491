using Google.Rpc;
using ShopSync.Contracts.V1;
using Grpc.Core;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Tests.Support;
using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Server.Tests.Jobs;

namespace ShopSync.Server.Tests.Faults;

/// <summary>Storage failures injected at the store seam answer with a status naming the cause, never UNKNOWN.</summary>
public sealed class StorageErrorTests
{
    [Theory]
    [InlineData(StorageFailureReason.DiskFull, StatusCode.ResourceExhausted, "STORAGE_DISK_FULL")]
    [InlineData(StorageFailureReason.IoError, StatusCode.Unavailable, "STORAGE_IO_ERROR")]
    [InlineData(StorageFailureReason.Busy, StatusCode.Unavailable, "STORAGE_BUSY")]
    public async Task EnqueueJob_StoreCannotWrite_StatusAndMessageNameTheCause(StorageFailureReason reason, StatusCode expected, string errorReason)
    {
        FaultyJobStore? faulty = null;
        await using var server = await InProcessServer.StartAsync((s, _) => FaultyJobStore.Decorate(s, f => faulty = f));
        var message = $"The database test.db failed: {reason}.";
        faulty!.Fault = (operation, _) => operation == "InsertAsync" ? new StorageUnavailableException(reason, message) : null;

        var single = await ValidationTests.EnqueueFailsAsync(server, Requests.Diagnostics());
        var bulk = await Assert.ThrowsAsync<RpcException>(() => server.Api.JobsAsync<EnqueueJobsRequest, EnqueueJobsResponse>(
            "EnqueueJobs", new EnqueueJobsRequest { Jobs = { Requests.Diagnostics() } }));

        foreach (var error in new[] { single, bulk })
        {
            Assert.Equal(expected, error.StatusCode);
            Assert.Equal(message, error.Status.Detail);
            Assert.Equal(errorReason, error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        }

        faulty.Fault = static (_, _) => null;
        Assert.NotEmpty(await server.Api.EnqueueAsync(Requests.Diagnostics()));
    }
}
