using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ShopSync.Queue.Entries;
using ShopSync.Server.Grpc;
using V1 = ShopSync.Contracts.V1;

namespace ShopSync.Server.Jobs;

/// <summary>Reads request messages into the engine's types; malformed ids and times name their field.</summary>
internal static class JobRequests
{
    public static Guid JobId(string value, string field = "job_id")
    {
        if (value.Length == 0)
        {
            throw RpcErrors.InvalidArgument(field, "is required");
        }
        return Guid.TryParse(value, out var id)
            ? id
            : throw RpcErrors.InvalidArgument(field, $"\"{RequestLimits.Quote(value)}\" is not a job id (a UUID such as 0b6f…)");
    }

    /// <summary>
    /// The engine's request for one entry. A bulk call passes the entry's index (<c>jobs[i].</c> prefixes a rejected
    /// field) and may pass the request-page parameters it already resolved, so the request is built once.
    /// </summary>
    public static EnqueueRequest ToEnqueue(
        V1.EnqueueJobRequest r, string? category, bool foreground, string createdBy, string? shopCode = null, int bulkIndex = -1,
        EnqueueRequest? parameters = null) => new()
    {
        ReportId = r.ReportId,
        ShopCode = shopCode ?? r.ShopCode.Trim(),
        CategoryCode = category,
        Priority = r.Priority == 0 ? null : r.Priority,
        EarliestStart = Time(r.EarliestStart, bulkIndex, "earliest_start"),
        Expiration = Time(r.Expiration, bulkIndex, "expiration"),
        MaxAttempts = r.MaxAttempts == 0 ? null : r.MaxAttempts,
        RerunDelay = Span(r.RerunDelay, bulkIndex, "rerun_delay"),
        Timeout = Span(r.Timeout, bulkIndex, "timeout"),
        Filters = parameters?.Filters ?? (r.Filters.Count == 0 ? [] : r.Filters.Select(f => new RequestPageFilter(f.Field, f.Expression)).ToList()),
        Options = parameters?.Options ?? (r.Options.Count == 0 ? [] : r.Options.Select(o => new RequestPageOption(o.Name, o.Value)).ToList()),
        Description = r.Description.Length == 0 ? null : r.Description,
        CreatedBy = createdBy,
        OnHold = r.OnHold,
        Foreground = foreground,
    };

    /// <summary>The field path prefix of a bulk call's entry, <c>jobs[i].</c>; empty for a single entry (index -1).</summary>
    public static string BulkPrefix(int bulkIndex) => bulkIndex < 0 ? string.Empty : $"jobs[{bulkIndex}].";

    public static DateTimeOffset? Time(Timestamp? value, string field) => Time(value, -1, field);

    /// <summary>The field name is only put together for an error (a bulk call maps many entries).</summary>
    private static DateTimeOffset? Time(Timestamp? value, int bulkIndex, string field)
    {
        if (value is null)
        {
            return null;
        }
        try
        {
            return value.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            throw RpcErrors.InvalidArgument(BulkPrefix(bulkIndex) + field, "is not a valid timestamp");
        }
    }

    /// <summary>The requested statuses as the engine's; an unknown or unspecified one is INVALID_ARGUMENT naming statuses[i].</summary>
    public static List<JobStatus> Statuses(IReadOnlyList<V1.JobStatus> requested, string prefix = "")
    {
        var statuses = new List<JobStatus>(requested.Count);
        for (var i = 0; i < requested.Count; i++)
        {
            var s = requested[i];
            statuses.Add(s is V1.JobStatus.Unspecified || !System.Enum.IsDefined(s)
                ? throw RpcErrors.InvalidArgument($"{prefix}statuses[{i}]", $"unknown job status {(int)s}")
                : (JobStatus)(int)s);
        }
        return statuses;
    }

    public static TimeSpan? Span(Duration? value, string field) => Span(value, -1, field);

    /// <summary>The field name is only put together for an error (a bulk call maps many entries).</summary>
    private static TimeSpan? Span(Duration? value, int bulkIndex, string field)
    {
        if (value is null)
        {
            return null;
        }
        try
        {
            return value.ToTimeSpan();
        }
        catch (InvalidOperationException)
        {
            throw RpcErrors.InvalidArgument(BulkPrefix(bulkIndex) + field, "is not a valid duration");
        }
    }

    /// <summary>
    /// Who queued an entry: the authenticated principal, with the user it acted for (<c>x-shopsync-user</c>, only
    /// for principals that may act for users), e.g. <c>alice (via erp-prod)</c>.
    /// </summary>
    public static string CreatedBy(ServerCallContext context) =>
        Access.CallAuthenticator.Describe(context.GetHttpContext().User, context.Peer);
}
