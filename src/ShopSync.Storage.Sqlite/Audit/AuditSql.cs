using System.Data.Common;
using ShopSync.Queue.Audit;
using ShopSync.Storage.Codecs;

namespace ShopSync.Storage.Audit;

/// <summary>The one INSERT of an audit record, shared by the queue's writer and the EF Core interceptor.</summary>
internal static class AuditSql
{
    public const int ParameterCount = 10;

    public const string Insert =
        "INSERT INTO audit_events (occurred_at, principal, on_behalf_of, rpc, target, shop, outcome, status, detail, peer) " +
        "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)";

    /// <summary>Sets the parameters <c>@p0..@p9</c> of <paramref name="command"/> (created if missing) from <paramref name="e"/>.</summary>
    public static void Bind(DbCommand command, AuditEvent e)
    {
        object?[] values =
        [
            TimeCodec.ToTicks(e.OccurredAt), e.Principal, e.OnBehalfOf, e.Rpc, e.Target, e.Shop, (int)e.Outcome, e.Status,
            Truncate(e.Detail, 1000), e.Peer,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            DbParameter parameter;
            if (command.Parameters.Count > i)
            {
                parameter = command.Parameters[i];
            }
            else
            {
                parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i;
                command.Parameters.Add(parameter);
            }
            parameter.Value = values[i] ?? DBNull.Value;
        }
    }

    private static string? Truncate(string? text, int length) => text is { Length: > 0 } t && t.Length > length ? t[..length] : text;
}
