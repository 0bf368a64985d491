using Microsoft.EntityFrameworkCore;
using ShopSync.Connector.Persistence;

namespace ShopSync.Connector.Sync;

/// <summary>Keeps <see cref="SyncRecordIssueEntity"/> rows: set on skip/failure, cleared on success (saved with the caller's changes).</summary>
internal static class SyncRecordIssues
{
    public static async Task SetAsync(
        ConnectorDbContext db, string shopCode, int reportId, string recordKey, SyncRecordIssueKind kind, string message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await db.SyncRecordIssues.SingleOrDefaultAsync(
            i => i.ShopCode == shopCode && i.ReportId == reportId && i.RecordKey == recordKey, cancellationToken);
        if (row is null)
        {
            row = new SyncRecordIssueEntity { ShopCode = shopCode, ReportId = reportId, RecordKey = recordKey };
            db.SyncRecordIssues.Add(row);
        }
        row.Kind = kind;
        row.Message = message.Length > 1000 ? message[..1000] : message;
        row.At = now;
    }

    public static Task ClearAsync(ConnectorDbContext db, string shopCode, int reportId, string recordKey, CancellationToken cancellationToken) =>
        db.SyncRecordIssues.Where(i => i.ShopCode == shopCode && i.ReportId == reportId && i.RecordKey == recordKey).ExecuteDeleteAsync(cancellationToken);
}
