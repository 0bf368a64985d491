using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ShopSync.Connector.Persistence;

namespace ShopSync.Connector.Erp;

/// <summary>
/// Hands out document numbers (SO000001 …). One atomic upsert per number (SQLite and PostgreSQL both know
/// <c>INSERT … ON CONFLICT … DO UPDATE … RETURNING</c>), inside the caller's transaction and guarded by the series' primary
/// key: concurrent writers (two shops, the gRPC service, several nodes on one PostgreSQL) wait on the series row and
/// never get the same number, and a rolled-back transaction gives its number back.
/// </summary>
internal static class ErpNumberSeries
{
    public const string SalesOrder = "SO";
    public const string SalesInvoice = "SI";
    public const string PostedShipment = "SHP";
    public const string PostedInvoice = "PSI";
    public const string Customer = "C";
    public const string Item = "I";

    public static async Task<string> NextAsync(ConnectorDbContext db, string code, CancellationToken cancellationToken)
    {
        var numbers = await db.Database.SqlQuery<long>(
                $"""
                INSERT INTO erp_number_series ("Code", "LastNo") VALUES ({code}, 1)
                ON CONFLICT ("Code") DO UPDATE SET "LastNo" = erp_number_series."LastNo" + 1
                RETURNING "LastNo" AS "Value"
                """)
            .ToListAsync(cancellationToken);
        return code + numbers[0].ToString("D6", CultureInfo.InvariantCulture);
    }
}
