using System.Collections.Concurrent;
using ShopSync.Queue.Controls;
using ShopSync.Queue.Entries;
using ShopSync.Connector.Shops;
using ShopSync.Connector.Webhooks;

namespace ShopSync.Server.Webhooks;

/// <summary>
/// Queues Sync Orders (30104) for a shop, at most one pending (Ready or Waiting) beside at most one
/// running: a trigger that finds a pending entry joins it. A running entry does not absorb a trigger,
/// because it may have read the orders before the change. (The ERP counts only Ready entries, so its
/// duplicates pile up while one runs.) The per-shop lock makes check-then-enqueue atomic on this node.
/// </summary>
internal sealed class QueueOrderSyncTrigger(IJobQueue queue, IShopRegistry shops) : IOrderSyncTrigger
{
    public const int SyncOrdersReportId = 30104;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.OrdinalIgnoreCase);

    public async Task<OrderSyncTriggerResult> TriggerAsync(string shopCode, string reason, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(shopCode, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var pending = await queue.ListAsync(
                new JobQuery
                {
                    ShopCode = shopCode,
                    ReportId = SyncOrdersReportId,
                    Statuses = [JobStatus.Ready, JobStatus.Waiting],
                    PageSize = 1,
                },
                cancellationToken);
            if (pending.Jobs.Count > 0)
            {
                return new OrderSyncTriggerResult(pending.Jobs[0].Id.ToString(), Coalesced: true);
            }
            var shop = await shops.GetAsync(shopCode, cancellationToken);
            var job = await queue.EnqueueAsync(
                new EnqueueRequest
                {
                    ReportId = SyncOrdersReportId,
                    ShopCode = shop.Code,
                    CategoryCode = shop.JobQueueCategory,
                    Description = $"Sync Orders from Shopify ({reason})",
                    CreatedBy = "webhook",
                },
                CancellationToken.None);
            return new OrderSyncTriggerResult(job.Id.ToString(), Coalesced: false);
        }
        finally
        {
            gate.Release();
        }
    }
}
