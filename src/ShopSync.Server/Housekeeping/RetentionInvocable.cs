using Coravel.Invocable;
using ShopSync.Queue.Retention;

namespace ShopSync.Server.Housekeeping;

/// <summary>Coravel's invocable for the retention sweep (bounded by <c>Queue:Retention:MaxSweepDuration</c>).</summary>
internal sealed class RetentionInvocable(RetentionSweeper sweeper, IHostApplicationLifetime lifetime) : IInvocable
{
    public Task Invoke() => sweeper.SweepAsync(lifetime.ApplicationStopping);
}
