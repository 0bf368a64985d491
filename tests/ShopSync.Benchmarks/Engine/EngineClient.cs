using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Google.Protobuf.WellKnownTypes;
using ShopSync.Contracts.V1;
using ShopSync.Grpc.Client;

namespace ShopSync.Benchmarks.Engine;

/// <summary>The calls the engine benchmark makes, through ShopSync.Grpc.Client and the generated descriptors.</summary>
internal sealed class EngineClient : IDisposable
{
    public const int NoOpReport = 90000;
    public const int DiagnosticsReport = 90001;

    private static readonly ServiceDescriptor Service = JobQueueReflection.Descriptor.FindTypeByName<ServiceDescriptor>("JobQueueService");
    private static readonly MethodDescriptor EnqueueJobMethod = Service.FindMethodByName("EnqueueJob");
    private static readonly MethodDescriptor EnqueueJobsMethod = Service.FindMethodByName("EnqueueJobs");
    private static readonly MethodDescriptor WatchJobMethod = Service.FindMethodByName("WatchJob");
    private static readonly MethodDescriptor GetJobMethod = Service.FindMethodByName("GetJob");

    private readonly GrpcChannel _channel;

    public EngineClient(Uri address)
    {
        _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });
    }

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
        using var call = _channel.ServerStreaming<EnqueueJobRequest, EnqueueJobResponse>(
            EnqueueJobMethod, request, new CallOptions { CancellationToken = cancellationToken });
        string? id = null;
        await foreach (var response in call.WithCancellation(cancellationToken))
        {
            id ??= response.Event.JobId;
        }

        return id ?? throw new InvalidOperationException("EnqueueJob ended without an accepted event.");
    }

    public async Task<IReadOnlyList<string>> EnqueueManyAsync(IEnumerable<EnqueueJobRequest> requests, CancellationToken cancellationToken)
    {
        var message = new EnqueueJobsRequest();
        message.Jobs.AddRange(requests);
        var response = await _channel.UnaryAsync<EnqueueJobsRequest, EnqueueJobsResponse>(
            EnqueueJobsMethod, message, new CallOptions { CancellationToken = cancellationToken });
        return response.JobIds;
    }

    public async Task<Job> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        var response = await _channel.UnaryAsync<GetJobRequest, GetJobResponse>(
            GetJobMethod, new GetJobRequest { JobId = jobId }, new CallOptions { CancellationToken = cancellationToken });
        return response.Job;
    }

    /// <summary>Streams an entry's events until its final one; <paramref name="onEvent"/> sees each as it arrives.</summary>
    public async Task WatchAsync(string jobId, Action<JobEvent> onEvent, CancellationToken cancellationToken)
    {
        using var call = _channel.ServerStreaming<WatchJobRequest, WatchJobResponse>(
            WatchJobMethod, new WatchJobRequest { JobId = jobId }, new CallOptions { CancellationToken = cancellationToken });
        await foreach (var response in call.WithCancellation(cancellationToken))
        {
            if (response.Event is { } e)
            {
                onEvent(e);
            }
        }
    }

    public void Dispose() => _channel.Dispose();
}
