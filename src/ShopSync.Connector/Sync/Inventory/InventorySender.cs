using ShopSync.Shopify.Client;

namespace ShopSync.Connector.Sync;

/// <summary>
/// Sends quantities in batches. Shopify applies a batch all-or-nothing, so after a rejection the records without errors
/// of their own are sent once more; the failing ones are recorded in sync_record_issues and counted.
/// </summary>
internal sealed class InventorySender(SyncSession session)
{
    public long Sent { get; private set; }
    public long Failed { get; private set; }

    public async Task SendAsync(IReadOnlyList<ShopifyInventoryQuantityInput> batch, CancellationToken cancellationToken)
    {
        try
        {
            var result = await session.Client.SetInventoryQuantitiesAsync("available", "correction", batch, cancellationToken);
            if (result.Succeeded)
            {
                Sent += batch.Count;
                session.Progress.Add(done: batch.Count);
                return;
            }
            var failing = result.Records.Where(r => r.Errors.Count > 0).ToList();
            await RecordAsync(failing.Select(r => (batch[r.Index], string.Join("; ", r.Errors.Select(e => e.Message)))), SyncRecordIssueKind.Failed, cancellationToken);
            var retry = result.Records.Where(r => r.Errors.Count == 0).Select(r => batch[r.Index]).ToList();
            if (failing.Count > 0 && retry.Count > 0)
            {
                await SendAsync(retry, cancellationToken);
            }
            else if (retry.Count > 0)
            {
                var message = string.Join("; ", result.UnattributedErrors.Select(e => e.Message));
                await RecordAsync(retry.Select(r => (r, message)), SyncRecordIssueKind.Failed, cancellationToken);
            }
        }
        catch (ShopifyReadOnlyException e)
        {
            await RecordAsync(batch.Select(r => (r, e.Message)), SyncRecordIssueKind.Skipped, cancellationToken);
        }
    }

    private async Task RecordAsync(IEnumerable<(ShopifyInventoryQuantityInput Record, string Message)> records, SyncRecordIssueKind kind, CancellationToken cancellationToken)
    {
        await using var db = await session.OpenDbAsync(cancellationToken);
        var now = session.Time.GetUtcNow();
        long count = 0;
        foreach (var (record, message) in records)
        {
            await SyncRecordIssues.SetAsync(db, session.ShopCode, SyncReportIds.SyncInventory, $"inventory:{record.InventoryItemId}@{record.LocationId}", kind, message, now, cancellationToken);
            count++;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (kind == SyncRecordIssueKind.Failed)
        {
            Failed += count;
            session.Progress.Add(failed: count);
        }
        else
        {
            session.Progress.Add(skipped: count);
        }
    }
}
