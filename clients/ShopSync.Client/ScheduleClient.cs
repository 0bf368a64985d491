using ShopSync.Client.Internal;
using ShopSync.Contracts.V1;

namespace ShopSync.Client;

/// <summary>shopsync.v1.ScheduleService: recurring job queue entries.</summary>
public sealed class ScheduleClient
{
    private readonly ShopSyncCalls _calls;
    private readonly ScheduleService.ScheduleServiceClient _client;

    internal ScheduleClient(ShopSyncCalls calls, ScheduleService.ScheduleServiceClient client)
    {
        _calls = calls;
        _client = client;
    }

    /// <summary>Creates a recurring entry. Never retried.</summary>
    public Task<ScheduleRecurringResponse> ScheduleRecurringAsync(ScheduleRecurringRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.ScheduleRecurringAsync(request, o), options, cancellationToken);

    /// <summary>Replaces a schedule's definition. Not retried.</summary>
    public Task<UpdateScheduleResponse> UpdateScheduleAsync(UpdateScheduleRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.UpdateScheduleAsync(request, o), options, cancellationToken);

    /// <summary>One schedule; retried on UNAVAILABLE.</summary>
    public Task<GetScheduleResponse> GetScheduleAsync(GetScheduleRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.GetScheduleAsync(request, o), options, cancellationToken);

    /// <summary>A page of schedules; retried on UNAVAILABLE.</summary>
    public Task<ListSchedulesResponse> ListSchedulesAsync(ListSchedulesRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.ListSchedulesAsync(request, o), options, cancellationToken);

    /// <summary>Sets the recurring entry On Hold. Not retried.</summary>
    public Task<PauseScheduleResponse> PauseScheduleAsync(PauseScheduleRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.PauseScheduleAsync(request, o), options, cancellationToken);

    /// <summary>Resumes a paused schedule. Not retried.</summary>
    public Task<ResumeScheduleResponse> ResumeScheduleAsync(ResumeScheduleRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.ResumeScheduleAsync(request, o), options, cancellationToken);

    /// <summary>Deletes a schedule. Not retried.</summary>
    public Task<DeleteScheduleResponse> DeleteScheduleAsync(DeleteScheduleRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.DeleteScheduleAsync(request, o), options, cancellationToken);

    /// <summary>The next run times of a schedule, creating nothing; retried on UNAVAILABLE.</summary>
    public Task<PreviewScheduleResponse> PreviewScheduleAsync(PreviewScheduleRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.PreviewScheduleAsync(request, o), options, cancellationToken);
}
