using Google.Protobuf;
using ShopSync.Contracts.V1;
using ShopSync.Testing.Grpc;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace ShopSync.Server.Tests.Status;

/// <summary>SyncStatusService calls through the real gRPC client.</summary>
internal static class StatusCalls
{
    private static readonly ServiceDescriptor Service = SyncStatusReflection.Descriptor.FindTypeByName<ServiceDescriptor>("SyncStatusService");

    public static Task<GetSyncStatusResponse> GetStatusAsync(this TestChannel channel, string shopCode = "", int withinHours = 0) =>
        Call<GetSyncStatusRequest, GetSyncStatusResponse>(channel, "GetSyncStatus", new() { ShopCode = shopCode, SyncErrorsWithinHours = withinHours });

    public static Task<ListCueRecordsResponse> ListCueRecordsAsync(this TestChannel channel, ListCueRecordsRequest request) =>
        Call<ListCueRecordsRequest, ListCueRecordsResponse>(channel, "ListCueRecords", request);

    public static Task<SetCueThresholdsResponse> SetThresholdsAsync(this TestChannel channel, SetCueThresholdsRequest request) =>
        Call<SetCueThresholdsRequest, SetCueThresholdsResponse>(channel, "SetCueThresholds", request);

    public static StreamingCall<WatchSyncStatusResponse> Watch(this TestChannel channel, WatchSyncStatusRequest request, CancellationToken cancellationToken) =>
        channel.ServerStreaming<WatchSyncStatusRequest, WatchSyncStatusResponse>(
            Service.FindMethodByName("WatchSyncStatus"), request, new TestCallOptions { CancellationToken = cancellationToken });

    /// <summary>Every record of a cue, page by page.</summary>
    public static async Task<List<CueRecord>> AllRecordsAsync(this TestChannel channel, string shopCode, Cue cue, int pageSize)
    {
        var records = new List<CueRecord>();
        var token = "";
        do
        {
            var page = await channel.ListCueRecordsAsync(new ListCueRecordsRequest { ShopCode = shopCode, Cue = cue, PageSize = pageSize, PageToken = token });
            Assert.True(page.Records.Count <= pageSize);
            records.AddRange(page.Records);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return records;
    }

    public static CueValue Cue(this ShopSyncStatus shop, Cue cue) => shop.Cues.Single(c => c.Cue == cue);

    private static Task<TResponse> Call<TRequest, TResponse>(TestChannel channel, string method, TRequest request)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new() =>
        channel.UnaryAsync<TRequest, TResponse>(Service.FindMethodByName(method), request, new TestCallOptions { Timeout = TimeSpan.FromSeconds(60) });
}
