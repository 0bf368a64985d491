using System.Text;
using Npgsql;
using ShopSync.Queue.Audit;

namespace ShopSync.Storage.Postgres;

/// <summary>
/// The audit trail on PostgreSQL. A call's record goes into the transaction of its first write (see <c>Write</c>); a call
/// that wrote nothing, failed or was denied is appended in a transaction of its own when it ends.
/// </summary>
internal sealed partial class PostgresJobStore : IAuditLog
{
    private const string AppendSql =
        "INSERT INTO audit_events (occurred_at, principal, on_behalf_of, rpc, target, shop, outcome, status, detail, peer) " +
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

    public Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        return Write(s => s.Command(AppendSql, AppendValues(auditEvent)).ExecuteAsync(cancellationToken), audit: null, cancellationToken, nameof(AppendAsync));
    }

    /// <summary>The audit record as the statement that ends a write's transaction (see <see cref="PgSession.CommitAsync"/>).</summary>
    private static NpgsqlBatchCommand AppendCommand(AuditEvent e) => Pg.BatchCommand(AppendSql, AppendValues(e));

    private static object?[] AppendValues(AuditEvent e) =>
        [
            Pg.Utc(e.OccurredAt),
            e.Principal,
            e.OnBehalfOf,
            e.Rpc,
            e.Target,
            e.Shop,
            (int)e.Outcome,
            e.Status,
            e.Detail,
            e.Peer,
        ];

    public Task<(IReadOnlyList<AuditEvent> Events, bool HasMore)> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var size = Math.Max(1, query.Limit);
        var values = new List<object?> { query.BeforeId ?? long.MaxValue };
        var sql = new StringBuilder(
            "SELECT id, occurred_at, principal, on_behalf_of, rpc, target, shop, outcome, status, detail, peer FROM audit_events WHERE id < $1");
        void Add(string condition, object value)
        {
            values.Add(value);
            sql.Append(condition.Replace("$?", "$" + values.Count, StringComparison.Ordinal));
        }
        if (query.Principal is { Length: > 0 } principal)
        {
            Add(" AND principal = $?", principal);
        }
        if (query.Shop is { Length: > 0 } shop)
        {
            Add(" AND lower(shop) = lower($?)", shop);
        }
        if (query.Rpc is { Length: > 0 } rpc)
        {
            Add(rpc.Contains('/', StringComparison.Ordinal) ? " AND rpc = $?" : " AND rpc LIKE '%/' || $?", rpc);
        }
        if (query.Since is { } since)
        {
            Add(" AND occurred_at >= $?", Pg.Utc(since));
        }
        if (query.Until is { } until)
        {
            Add(" AND occurred_at < $?", Pg.Utc(until));
        }
        Add(" ORDER BY id DESC LIMIT $?", size + 1);
        return Read(
            () => _reads.WithAsync(
                async c =>
                {
                    var events = await Pg.Command(c, null, sql.ToString(), [.. values]).ListAsync(ReadAudit, cancellationToken).ConfigureAwait(false);
                    var hasMore = events.Count > size;
                    if (hasMore)
                    {
                        events.RemoveAt(size);
                    }
                    return ((IReadOnlyList<AuditEvent>)events, hasMore);
                },
                cancellationToken),
            cancellationToken);
    }

    private static AuditEvent ReadAudit(Npgsql.NpgsqlDataReader r) => new()
    {
        Id = r.GetInt64(0),
        OccurredAt = r.GetFieldValue<DateTimeOffset>(1),
        Principal = r.GetString(2),
        OnBehalfOf = r.IsDBNull(3) ? null : r.GetString(3),
        Rpc = r.GetString(4),
        Target = r.IsDBNull(5) ? null : r.GetString(5),
        Shop = r.IsDBNull(6) ? null : r.GetString(6),
        Outcome = (AuditOutcome)r.GetInt32(7),
        Status = r.GetString(8),
        Detail = r.IsDBNull(9) ? null : r.GetString(9),
        Peer = r.IsDBNull(10) ? null : r.GetString(10),
    };
}
