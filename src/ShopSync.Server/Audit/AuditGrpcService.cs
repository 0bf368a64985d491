using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ShopSync.Contracts.V1;
using ShopSync.Queue.Audit;
using ShopSync.Server.Grpc;

namespace ShopSync.Server.Audit;

/// <summary>AuditService: the audit trail, newest first, filtered and keyset-paged.</summary>
internal sealed class AuditGrpcService(IAuditLog log) : AuditService.AuditServiceBase
{
    public override async Task<ListAuditEventsResponse> ListAuditEvents(ListAuditEventsRequest request, ServerCallContext context)
    {
        var size = Paging.PageSize(request.PageSize);
        var position = Paging.Decode(request.PageToken);
        long? before = null;
        if (position.Length > 0)
        {
            if (!long.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                throw RpcErrors.InvalidArgument("page_token", "is not a page token this server issued; pass next_page_token from the previous response");
            }
            before = id;
        }
        var since = Jobs.JobRequests.Time(request.Since, "since");
        var until = Jobs.JobRequests.Time(request.Until, "until");
        if (since is { } from && until is { } to && to <= from)
        {
            throw RpcErrors.InvalidArgument("until", $"must be later than since ({from:O})");
        }
        var (events, hasMore) = await log.ListAsync(new AuditQuery
        {
            Principal = Blank(request.Principal),
            Shop = Blank(request.Shop),
            Rpc = Blank(request.Rpc),
            Since = since,
            Until = until,
            BeforeId = before,
            Limit = size,
        }, context.CancellationToken);
        var response = new ListAuditEventsResponse
        {
            NextPageToken = hasMore ? Paging.Encode(events[^1].Id.ToString(CultureInfo.InvariantCulture)) : "",
        };
        response.Events.AddRange(events.Select(ToMessage));
        return response;
    }

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Contracts.V1.AuditEvent ToMessage(Queue.Audit.AuditEvent e) => new()
    {
        Id = e.Id,
        Time = Timestamp.FromDateTimeOffset(e.OccurredAt),
        Principal = e.Principal,
        OnBehalfOf = e.OnBehalfOf ?? "",
        Rpc = e.Rpc,
        Target = e.Target ?? "",
        Shop = e.Shop ?? "",
        Outcome = e.Outcome switch
        {
            Queue.Audit.AuditOutcome.Succeeded => Contracts.V1.AuditOutcome.Succeeded,
            Queue.Audit.AuditOutcome.Failed => Contracts.V1.AuditOutcome.Failed,
            Queue.Audit.AuditOutcome.Denied => Contracts.V1.AuditOutcome.Denied,
            _ => Contracts.V1.AuditOutcome.Unspecified,
        },
        StatusCode = e.Status,
        Detail = e.Detail ?? "",
        Peer = e.Peer ?? "",
    };
}
