using ShopSync.Contracts.V1;
using ShopSync.Testing;
using ShopSync.Testing.Grpc;

namespace ShopSync.Server.Tests.Infrastructure;

/// <summary>Reads a WatchJobs stream until every given entry's completed event arrived (or the signal deadline passes).</summary>
internal static class QueueWideReader
{
    public static async Task<List<WatchJobsResponse>> UntilCompletedAsync(StreamingCall<WatchJobsResponse> call, IReadOnlyCollection<string> jobIds)
    {
        var open = new HashSet<string>(jobIds, StringComparer.Ordinal);
        var received = new List<WatchJobsResponse>();
        using var deadline = new CancellationTokenSource(TestTimeouts.Signal);
        await using var stream = call.GetAsyncEnumerator(deadline.Token);
        while (open.Count > 0 && await stream.MoveNextAsync())
        {
            received.Add(stream.Current);
            if (stream.Current.Event.Completed is not null)
            {
                open.Remove(stream.Current.Event.JobId);
            }
        }

        Assert.True(open.Count == 0, $"WatchJobs ended before entries {string.Join(", ", open)} completed");
        return received;
    }

    /// <summary>The sequences the stream carried for one entry, in stream order.</summary>
    public static List<long> Sequences(IEnumerable<WatchJobsResponse> responses, string jobId) =>
        [.. responses.Where(r => r.Event.JobId == jobId).Select(r => r.Event.Sequence)];
}
