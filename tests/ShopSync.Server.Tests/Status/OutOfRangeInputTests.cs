using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using ShopSync.Contracts.V1;
using Grpc.Core;
using ShopSync.Testing.Grpc;
using ShopSync.Server.Tests.Sync;

namespace ShopSync.Server.Tests.Status;

/// <summary>Input the status and ERP-book calls cannot use is INVALID_ARGUMENT naming the field, never UNKNOWN.</summary>
public sealed class OutOfRangeInputTests
{
    [Fact]
    public async Task StatusCalls_SyncErrorsWithinHoursAtIntMax_InvalidArgumentWithTheAllowedRange()
    {
        await using var server = await SyncTestServer.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var get = await Assert.ThrowsAsync<RpcException>(() => server.Channel.GetStatusAsync(withinHours: int.MaxValue));
        var list = await Assert.ThrowsAsync<RpcException>(() => server.Channel.ListCueRecordsAsync(
            new ListCueRecordsRequest { ShopCode = SyncTestServer.ShopCode, Cue = Cue.SynchronizationErrors, SyncErrorsWithinHours = int.MaxValue }));
        using var call = server.Channel.Watch(new WatchSyncStatusRequest { ShopCode = SyncTestServer.ShopCode, SyncErrorsWithinHours = int.MaxValue }, timeout.Token);
        await using var stream = call.GetAsyncEnumerator(timeout.Token);
        var watch = await Assert.ThrowsAsync<RpcException>(async () => await stream.MoveNextAsync());

        foreach (var error in new[] { get, list, watch })
        {
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            Assert.Contains("sync_errors_within_hours", error.Status.Detail, StringComparison.Ordinal);
            Assert.Contains("0..87600", error.Status.Detail, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("bm90LWEtbnVtYmVy")]
    [InlineData("OTk5OTk5OTk5OTk5OTk5OTk5")]
    [InlineData("LTU")]
    public async Task ListErpDocuments_ForeignPageToken_InvalidArgumentNamingPageToken(string token)
    {
        await using var server = await SyncTestServer.StartAsync();
        var method = ErpBookReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ErpBookService").FindMethodByName("ListErpDocuments");

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Channel.UnaryAsync<ListErpDocumentsRequest, ListErpDocumentsResponse>(
            method, new ListErpDocumentsRequest { ShopCode = SyncTestServer.ShopCode, PageToken = token }, new TestCallOptions { Timeout = TimeSpan.FromSeconds(60) }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("page_token", error.Status.Detail, StringComparison.Ordinal);
    }
}
