using System.Globalization;
using ShopSync.Contracts.V1;
using ShopSync.Queue.Health;
using ShopSync.Server.Grpc;
using ShopSync.Connector.Status;

namespace ShopSync.Server.Status;

/// <summary>
/// ListCueRecords: the records behind one cue for one shop or every shop (shop by shop, in code order). The page
/// token carries the shop and that shop's cursor; Synchronization Errors page over the job log by log id.
/// </summary>
internal sealed class CueRecordLister(SyncStatusComposer composer, ConnectorCueRecords records, ConnectorCueCounter counter, ITaskHealthReader health, TimeProvider time)
{
    private const char Separator = '\u001f';

    public async Task<ListCueRecordsResponse> ListAsync(ListCueRecordsRequest request, CancellationToken cancellationToken)
    {
        if (request.Cue == Cue.Unspecified || !Enum.IsDefined(request.Cue))
        {
            throw RpcErrors.InvalidArgument("cue", $"unknown cue {(int)request.Cue}; use one of {string.Join(", ", Enum.GetNames<Cue>().Skip(1))}");
        }
        var cue = (StatusCue)(int)request.Cue;
        var size = Math.Min(Paging.PageSize(request.PageSize), 500);
        var since = SyncStatusComposer.SyncErrorsSince(time.GetUtcNow(), request.SyncErrorsWithinHours, "sync_errors_within_hours");
        var codes = await composer.ShopCodesAsync(request.ShopCode, cancellationToken);
        var (startShop, cursor) = DecodeToken(request.PageToken);
        var response = new ListCueRecordsResponse();
        response.Total = cue == StatusCue.SynchronizationErrors
            ? (await health.ReadAsync(codes, since, cancellationToken)).Sum(h => h.FailedRunsSince)
            : (await counter.CountAsync(codes, cancellationToken)).Sum(c => c[cue]);
        var index = startShop is null ? 0 : codes.TakeWhile(c => string.CompareOrdinal(c, startShop) < 0).Count();
        if (startShop is not null && (index >= codes.Count || codes[index] != startShop))
        {
            cursor = "";
        }
        for (; index < codes.Count && response.Records.Count < size; index++, cursor = "")
        {
            var chunk = await ChunkAsync(codes[index], cue, cursor, size - response.Records.Count, since, cancellationToken);
            response.Records.AddRange(chunk.Records.Select(ToMessage));
            if (chunk.NextCursor is not null)
            {
                response.NextPageToken = EncodeToken(codes[index], chunk.NextCursor);
                return response;
            }
        }
        if (index < codes.Count)
        {
            response.NextPageToken = EncodeToken(codes[index], "");
        }
        return response;
    }

    private async Task<CueRecordChunk> ChunkAsync(string shop, StatusCue cue, string cursor, int take, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        try
        {
            if (cue != StatusCue.SynchronizationErrors)
            {
                return await records.ListAsync(shop, cue, cursor, take, cancellationToken);
            }
            long? before = cursor.Length == 0 ? null
                : long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
                : throw RpcErrors.InvalidArgument("page_token", "is not a page token this server issued; pass next_page_token from the previous response");
            var page = await health.ListFailedRunsAsync(shop, since, before, take, cancellationToken);
            var items = page.Runs.Select(r => new CueRecordItem(
                shop, r.JobId.ToString(), $"task {r.ReportId} {r.Description} (attempt {r.Attempt}, log entry {r.LogId})".Replace("  ", " ", StringComparison.Ordinal),
                r.ErrorMessage, r.EndTime)).ToList();
            return new CueRecordChunk(items, page.NextBeforeId?.ToString(CultureInfo.InvariantCulture));
        }
        catch (StatusValidationException e)
        {
            throw RpcErrors.InvalidArgument(e.Field, e.Problem);
        }
    }

    private static CueRecord ToMessage(CueRecordItem item) => new()
    {
        ShopCode = item.ShopCode,
        Key = item.Key,
        Description = item.Description,
        Reason = item.Reason,
        Time = item.Time is { } t ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(t) : null,
    };

    private static string EncodeToken(string shop, string cursor) => Paging.Encode(shop + Separator + cursor);

    private static (string? Shop, string Cursor) DecodeToken(string token)
    {
        var position = Paging.Decode(token);
        if (position.Length == 0)
        {
            return (null, "");
        }
        var at = position.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0
            ? throw RpcErrors.InvalidArgument("page_token", "is not a page token this server issued; pass next_page_token from the previous response")
            : (position[..at], position[(at + 1)..]);
    }
}
