using Google.Protobuf.Reflection;
using ShopSync.Client.Internal;
using ShopSync.Contracts.V1;

namespace ShopSync.Client;

/// <summary>shopsync.v1.ScheduleService: recurring job queue entries.</summary>
public sealed class ScheduleClient
{
    private readonly ShopSyncInvoker _invoker;

    internal ScheduleClient(ShopSyncInvoker invoker)
    {
        _invoker = invoker;
    }

    /// <summary>Creates a recurring entry. Never retried.</summary>
    public Task<ScheduleRecurringResponse> ScheduleRecurringAsync(ScheduleRecurringRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<ScheduleRecurringRequest, ScheduleRecurringResponse>(Method("ScheduleRecurring"), request, idempotent: false, options, cancellationToken);

    /// <summary>Replaces a schedule's definition. Not retried.</summary>
    public Task<UpdateScheduleResponse> UpdateScheduleAsync(UpdateScheduleRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<UpdateScheduleRequest, UpdateScheduleResponse>(Method("UpdateSchedule"), request, idempotent: false, options, cancellationToken);

    /// <summary>One schedule; retried on UNAVAILABLE.</summary>
    public Task<GetScheduleResponse> GetScheduleAsync(GetScheduleRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<GetScheduleRequest, GetScheduleResponse>(Method("GetSchedule"), request, idempotent: true, options, cancellationToken);

    /// <summary>A page of schedules; retried on UNAVAILABLE.</summary>
    public Task<ListSchedulesResponse> ListSchedulesAsync(ListSchedulesRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<ListSchedulesRequest, ListSchedulesResponse>(Method("ListSchedules"), request, idempotent: true, options, cancellationToken);

    /// <summary>Sets the recurring entry On Hold. Not retried.</summary>
    public Task<PauseScheduleResponse> PauseScheduleAsync(PauseScheduleRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<PauseScheduleRequest, PauseScheduleResponse>(Method("PauseSchedule"), request, idempotent: false, options, cancellationToken);

    /// <summary>Resumes a paused schedule. Not retried.</summary>
    public Task<ResumeScheduleResponse> ResumeScheduleAsync(ResumeScheduleRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<ResumeScheduleRequest, ResumeScheduleResponse>(Method("ResumeSchedule"), request, idempotent: false, options, cancellationToken);

    /// <summary>Deletes a schedule. Not retried.</summary>
    public Task<DeleteScheduleResponse> DeleteScheduleAsync(DeleteScheduleRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<DeleteScheduleRequest, DeleteScheduleResponse>(Method("DeleteSchedule"), request, idempotent: false, options, cancellationToken);

    /// <summary>The next run times of a schedule, creating nothing; retried on UNAVAILABLE.</summary>
    public Task<PreviewScheduleResponse> PreviewScheduleAsync(PreviewScheduleRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<PreviewScheduleRequest, PreviewScheduleResponse>(Method("PreviewSchedule"), request, idempotent: true, options, cancellationToken);

    private static MethodDescriptor Method(string name) => ShopSyncMethods.Find(ShopSyncMethods.Schedule, name);
}
