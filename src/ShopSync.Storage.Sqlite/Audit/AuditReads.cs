using System.Text;
using Microsoft.Data.Sqlite;
using ShopSync.Queue.Audit;
using ShopSync.Storage.Codecs;

namespace ShopSync.Storage.Audit;

/// <summary>A page of audit records, newest first, by keyset on the id.</summary>
internal static class AuditReads
{
    public static (IReadOnlyList<AuditEvent> Events, bool HasMore) List(SqliteConnection connection, AuditQuery query)
    {
        using (connection)
        using (var command = connection.CreateCommand())
        {
            var size = Math.Max(1, query.Limit);
            var sql = new StringBuilder(
                "SELECT id, occurred_at, principal, on_behalf_of, rpc, target, shop, outcome, status, detail, peer FROM audit_events WHERE id < @before");
            command.Parameters.AddWithValue("@before", query.BeforeId ?? long.MaxValue);
            if (query.Principal is { Length: > 0 } principal)
            {
                sql.Append(" AND principal = @principal");
                command.Parameters.AddWithValue("@principal", principal);
            }
            if (query.Shop is { Length: > 0 } shop)
            {
                sql.Append(" AND shop = @shop COLLATE NOCASE");
                command.Parameters.AddWithValue("@shop", shop);
            }
            if (query.Rpc is { Length: > 0 } rpc)
            {
                sql.Append(rpc.Contains('/', StringComparison.Ordinal) ? " AND rpc = @rpc" : " AND rpc LIKE '%/' || @rpc");
                command.Parameters.AddWithValue("@rpc", rpc);
            }
            if (query.Since is { } since)
            {
                sql.Append(" AND occurred_at >= @since");
                command.Parameters.AddWithValue("@since", TimeCodec.ToTicks(since));
            }
            if (query.Until is { } until)
            {
                sql.Append(" AND occurred_at < @until");
                command.Parameters.AddWithValue("@until", TimeCodec.ToTicks(until));
            }
            sql.Append(" ORDER BY id DESC LIMIT @limit");
            command.Parameters.AddWithValue("@limit", size + 1);
            command.CommandText = sql.ToString();
            var events = new List<AuditEvent>(size + 1);
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    events.Add(Read(reader));
                }
            }
            var hasMore = events.Count > size;
            if (hasMore)
            {
                events.RemoveAt(size);
            }
            return (events, hasMore);
        }
    }

    private static AuditEvent Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        OccurredAt = TimeCodec.FromTicks(reader.GetInt64(1)),
        Principal = reader.GetString(2),
        OnBehalfOf = Text(reader, 3),
        Rpc = reader.GetString(4),
        Target = Text(reader, 5),
        Shop = Text(reader, 6),
        Outcome = (AuditOutcome)reader.GetInt32(7),
        Status = reader.GetString(8),
        Detail = Text(reader, 9),
        Peer = Text(reader, 10),
    };

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
