using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using ShopSync.Contracts.V1;

namespace ShopSync.Benchmarks.Engine;

/// <summary>
/// The calls the engine benchmark makes, through Grpc.Net.Client and the generated client. Given several servers
/// (nodes on one PostgreSQL database), each call goes to the next one in turn.
/// </summary>
internal sealed class EngineClient : IDisposable
{
    public const int NoOpReport = 90000;
    public const int DiagnosticsReport = 90001;

    private readonly GrpcChannel[] _channels;
    private readonly JobQueueService.JobQueueServiceClient[] _clients;
    private int _next = -1;

    /// <param name="address">The server.</param>
    /// <param name="apiKey">Sent as <c>authorization: Bearer</c> on every call when set.</param>
    public EngineClient(Uri address, string? apiKey = null)
        : this([address], apiKey)
    {
    }

    public EngineClient(IReadOnlyList<Uri> addresses, string? apiKey = null)
    {
        _channels = [.. addresses.Select(a => GrpcChannel.ForAddress(a, new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 }))];
        _clients = [.. _channels.Select(channel => new JobQueueService.JobQueueServiceClient(apiKey is null
            ? channel.CreateCallInvoker()
            : channel.Intercept(metadata =>
            {
                metadata.Add("authorization", "Bearer " + apiKey);
                return metadata;
            })))];
    }

    private JobQueueService.JobQueueServiceClient Next => _clients[(int)((uint)Interlocked.Increment(ref _next) % (uint)_clients.Length)];

    public static EnqueueJobRequest NoOp(string category, DateTimeOffset? earliestStart = null)
    {
        var request = new EnqueueJobRequest { ReportId = NoOpReport, CategoryCode = category, Mode = RunMode.Background };
        if (earliestStart is { } start)
        {
            request.EarliestStart = Timestamp.FromDateTimeOffset(start);
        }

        return request;
    }

    public static EnqueueJobRequest Diagnostics(string category, int steps, int stepMs)
    {
        var request = new EnqueueJobRequest { ReportId = DiagnosticsReport, CategoryCode = category, Mode = RunMode.Background };
        request.Options.Add(new RequestPageOption { Name = "steps", Value = steps.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        request.Options.Add(new RequestPageOption { Name = "step_ms", Value = stepMs.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return request;
    }

    /// <summary>Queues one background entry; returns its id once the accepted event arrived (the call's answer).</summary>
    public async Task<string> EnqueueAsync(EnqueueJobRequest request, CancellationToken cancellationToken)
    {
        using var call = Next.EnqueueJob(request, cancellationToken: cancellationToken);
        string? id = null;
        await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            id ??= response.Event.JobId;
        }

        return id ?? throw new InvalidOperationException("EnqueueJob ended without an accepted event.");
    }

    public async Task<IReadOnlyList<string>> EnqueueManyAsync(IEnumerable<EnqueueJobRequest> requests, CancellationToken cancellationToken)
    {
        var message = new EnqueueJobsRequest();
        message.Jobs.AddRange(requests);
        var response = await Next.EnqueueJobsAsync(message, cancellationToken: cancellationToken);
        return response.JobIds;
    }

    public async Task<Job> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        var response = await Next.GetJobAsync(new GetJobRequest { JobId = jobId }, cancellationToken: cancellationToken);
        return response.Job;
    }

    /// <summary>Streams an entry's events until its final one; <paramref name="onEvent"/> sees each as it arrives.</summary>
    public async Task WatchAsync(string jobId, Action<JobEvent> onEvent, CancellationToken cancellationToken)
    {
        using var call = Next.WatchJob(new WatchJobRequest { JobId = jobId }, cancellationToken: cancellationToken);
        await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            if (response.Event is { } e)
            {
                onEvent(e);
            }
        }
    }

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }
}
