using Google.Protobuf;
using Google.Protobuf.Reflection;
using ShopSync.Contracts.V1;
using ShopSync.Testing;
using ShopSync.Testing.Grpc;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace ShopSync.Server.Tests.Infrastructure;

/// <summary>
/// Calls the server's services over a real channel using the generated descriptors only (no typed client),
/// plus the few conveniences the tests share.
/// </summary>
internal sealed class ServerApi(TestChannel channel) : IDisposable
{
    private static readonly ServiceDescriptor JobQueueService =
        JobQueueReflection.Descriptor.FindTypeByName<ServiceDescriptor>("JobQueueService");

    private static readonly ServiceDescriptor ShopService =
        ShopReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ShopService");

    public TestChannel Channel { get; } = channel;

    public static MethodDescriptor JobMethod(string name) =>
        JobQueueService.FindMethodByName(name) ?? throw new ArgumentException($"JobQueueService has no {name}");

    public static MethodDescriptor ShopMethod(string name) =>
        ShopService.FindMethodByName(name) ?? throw new ArgumentException($"ShopService has no {name}");

    public Task<TResponse> JobsAsync<TRequest, TResponse>(string method, TRequest request, CancellationToken cancellationToken = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        Channel.UnaryAsync<TRequest, TResponse>(JobMethod(method), request, Options(cancellationToken));

    public Task<TResponse> ShopsAsync<TRequest, TResponse>(string method, TRequest request, CancellationToken cancellationToken = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        Channel.UnaryAsync<TRequest, TResponse>(ShopMethod(method), request, Options(cancellationToken));

    public StreamingCall<EnqueueJobResponse> EnqueueStream(EnqueueJobRequest request, CancellationToken cancellationToken = default) =>
        Channel.ServerStreaming<EnqueueJobRequest, EnqueueJobResponse>(JobMethod("EnqueueJob"), request, Options(cancellationToken));

    public StreamingCall<WatchJobResponse> WatchJob(string jobId, long afterSequence = 0, CancellationToken cancellationToken = default) =>
        Channel.ServerStreaming<WatchJobRequest, WatchJobResponse>(
            JobMethod("WatchJob"), new WatchJobRequest { JobId = jobId, AfterSequence = afterSequence }, Options(cancellationToken));

    public StreamingCall<WatchJobsResponse> WatchJobs(WatchJobsRequest request, CancellationToken cancellationToken = default) =>
        Channel.ServerStreaming<WatchJobsRequest, WatchJobsResponse>(JobMethod("WatchJobs"), request, new TestCallOptions { CancellationToken = cancellationToken });

    /// <summary>Enqueues and reads the stream to its end: the accepted event only (background) or every event (foreground).</summary>
    public async Task<List<JobEvent>> EnqueueAsync(EnqueueJobRequest request, CancellationToken cancellationToken = default)
    {
        using var call = EnqueueStream(request, cancellationToken);
        var events = new List<JobEvent>();
        await foreach (var response in call)
        {
            events.Add(response.Event);
        }
        return events;
    }

    /// <summary>Queues a background entry and returns its id.</summary>
    public async Task<string> EnqueueBackgroundAsync(EnqueueJobRequest request, CancellationToken cancellationToken = default)
    {
        request.Mode = RunMode.Background;
        var events = await EnqueueAsync(request, cancellationToken);
        return Assert.Single(events).JobId;
    }

    public async Task<Job> GetJobAsync(string jobId) =>
        (await JobsAsync<GetJobRequest, GetJobResponse>("GetJob", new GetJobRequest { JobId = jobId })).Job;

    public Task<Job> WaitForJobAsync(string jobId, Func<Job, bool> until, string what) =>
        Eventually.ReturnsAsync(() => GetJobAsync(jobId), until, $"job {jobId}: {what}", TestTimeouts.Signal);

    public Task<Job> WaitForStatusAsync(string jobId, JobStatus status) =>
        WaitForJobAsync(jobId, j => j.Status == status, $"status {status}");

    /// <summary>Reads a WatchJob stream to its end and returns the events (without the snapshot message).</summary>
    public async Task<List<JobEvent>> WatchToEndAsync(string jobId, long afterSequence = 0)
    {
        using var call = WatchJob(jobId, afterSequence);
        var events = new List<JobEvent>();
        await foreach (var response in call)
        {
            if (response.Event is { } e)
            {
                events.Add(e);
            }
        }
        return events;
    }

    public async Task<List<JobLogEntry>> LogEntriesAsync(string jobId) =>
        [.. (await JobsAsync<ListLogEntriesRequest, ListLogEntriesResponse>("ListLogEntries", new ListLogEntriesRequest { JobId = jobId })).Entries];

    public async Task<Shop> CreateShopAsync(string code, bool allowBackgroundSyncs = true, string? category = null, string? webhookSecret = null)
    {
        var shop = new Shop { Code = code, ShopifyUrl = $"https://{code}.myshopify.com", AllowBackgroundSyncs = allowBackgroundSyncs };
        if (category is not null)
        {
            shop.JobQueueCategory = category;
        }
        if (webhookSecret is not null)
        {
            shop.WebhookSecret = webhookSecret;
        }
        return (await ShopsAsync<CreateShopRequest, CreateShopResponse>("CreateShop", new CreateShopRequest { Shop = shop })).Shop;
    }

    public void Dispose() => Channel.Dispose();

    private static TestCallOptions Options(CancellationToken cancellationToken) =>
        new() { Timeout = TestTimeouts.Call, CancellationToken = cancellationToken };
}
