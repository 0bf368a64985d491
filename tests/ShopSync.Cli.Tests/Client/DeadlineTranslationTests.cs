using Grpc.Core;
using ShopSync.Client;
using ShopSync.Client.Internal;

namespace ShopSync.Cli.Tests.Client;

/// <summary>
/// grpc-dotnet can end a call past its deadline with <see cref="OperationCanceledException"/> instead of
/// DEADLINE_EXCEEDED (its deadline timer races the call's status): the typed client always answers the deadline as
/// DEADLINE_EXCEEDED, and a cancellation the caller asked for stays a cancellation.
/// </summary>
public sealed class DeadlineTranslationTests
{
    private static readonly ShopSyncCallOptions WithTimeout = new() { Timeout = TimeSpan.FromMilliseconds(200) };

    [Fact]
    public async Task Unary_CanceledByTheLibraryOnACallWithADeadline_IsDeadlineExceeded()
    {
        var calls = new ShopSyncCalls(new ShopSyncClientOptions(), null);

        var e = await Assert.ThrowsAsync<RpcException>(() => calls.UnaryAsync(_ => CanceledUnary(), WithTimeout, CancellationToken.None));

        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        Assert.IsAssignableFrom<OperationCanceledException>(e.Status.DebugException);
    }

    [Fact]
    public async Task Unary_CanceledByTheCaller_StaysACancellation()
    {
        var calls = new ShopSyncCalls(new ShopSyncClientOptions(), null);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => calls.UnaryAsync(_ => CanceledUnary(), WithTimeout, cancel.Token));
    }

    [Fact]
    public async Task Unary_CanceledWithNoDeadline_StaysACancellation()
    {
        var calls = new ShopSyncCalls(new ShopSyncClientOptions { DefaultTimeout = null }, null);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => calls.UnaryAsync(_ => CanceledUnary(), null, CancellationToken.None));
    }

    [Fact]
    public async Task Stream_CanceledByTheLibraryOnACallWithADeadline_IsDeadlineExceeded()
    {
        var calls = new ShopSyncCalls(new ShopSyncClientOptions(), null);

        var e = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in calls.StreamAsync(_ => CanceledStream(), WithTimeout, CancellationToken.None))
            {
            }
        });

        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
    }

    private static AsyncUnaryCall<string> CanceledUnary() =>
        new(Task.FromException<string>(new TaskCanceledException()), Task.FromResult(new Metadata()), () => Status.DefaultCancelled, () => [], () => { });

    private static AsyncServerStreamingCall<string> CanceledStream() =>
        new(new CanceledReader(), Task.FromResult(new Metadata()), () => Status.DefaultCancelled, () => [], () => { });

    private sealed class CanceledReader : IAsyncStreamReader<string>
    {
        public string Current => throw new InvalidOperationException("no message was read");

        public Task<bool> MoveNext(CancellationToken cancellationToken) => Task.FromException<bool>(new TaskCanceledException());
    }
}
