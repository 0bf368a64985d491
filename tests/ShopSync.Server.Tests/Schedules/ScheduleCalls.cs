using Google.Protobuf;
using ShopSync.Contracts.V1;
using ShopSync.Testing.Grpc;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace ShopSync.Server.Tests.Schedules;

/// <summary>ScheduleService and JobQueueService calls through the real gRPC client and the generated descriptors.</summary>
internal sealed class ScheduleCalls(TestChannel channel)
{
    private static readonly ServiceDescriptor Schedules = ScheduleReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ScheduleService");
    private static readonly ServiceDescriptor Jobs = JobQueueReflection.Descriptor.FindTypeByName<ServiceDescriptor>("JobQueueService");

    public Task<TResponse> ScheduleAsync<TRequest, TResponse>(string method, TRequest request)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new() =>
        channel.UnaryAsync<TRequest, TResponse>(Schedules.FindMethodByName(method), request, Options());

    public Task<ScheduleRecurringResponse> CreateAsync(ScheduleRecurringRequest request) =>
        ScheduleAsync<ScheduleRecurringRequest, ScheduleRecurringResponse>("ScheduleRecurring", request);

    /// <summary>Every entry of the schedule, all pages.</summary>
    public async Task<List<Job>> EntriesAsync(string scheduleId, int reportId)
    {
        var all = new List<Job>();
        var token = "";
        do
        {
            var page = await channel.UnaryAsync<ListJobsRequest, ListJobsResponse>(
                Jobs.FindMethodByName("ListJobs"), new ListJobsRequest { ReportId = reportId, PageSize = 1000, PageToken = token }, Options());
            all.AddRange(page.Jobs.Where(j => j.ScheduleId == scheduleId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return all;
    }

    /// <summary>Every run log entry of the report, all pages.</summary>
    public async Task<List<JobLogEntry>> LogAsync(int reportId)
    {
        var all = new List<JobLogEntry>();
        var token = "";
        do
        {
            var page = await channel.UnaryAsync<ListLogEntriesRequest, ListLogEntriesResponse>(
                Jobs.FindMethodByName("ListLogEntries"), new ListLogEntriesRequest { ReportId = reportId, PageSize = 1000, PageToken = token }, Options());
            all.AddRange(page.Entries);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return all;
    }

    private static TestCallOptions Options() => new() { Timeout = TimeSpan.FromSeconds(30) };
}
