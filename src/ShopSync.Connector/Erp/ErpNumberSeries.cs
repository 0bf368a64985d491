using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ShopSync.Connector.Persistence;

namespace ShopSync.Connector.Erp;

/// <summary>
/// Hands out document numbers (SO000001 …). One atomic UPDATE … RETURNING per number, inside the caller's
/// transaction, so concurrent writers (two shops, the gRPC service) never get the same number and a rolled-back
/// transaction gives its number back.
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
        var numbers = await TakeAsync(db, code, cancellationToken);
        if (numbers.Count == 0)
        {
            // First number of the series.
            await db.Database.ExecuteSqlAsync($"INSERT OR IGNORE INTO erp_number_series (Code, LastNo) VALUES ({code}, 0)", cancellationToken);
            numbers = await TakeAsync(db, code, cancellationToken);
        }
        return code + numbers[0].ToString("D6", CultureInfo.InvariantCulture);
    }

    private static Task<List<long>> TakeAsync(ConnectorDbContext db, string code, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<long>($"UPDATE erp_number_series SET LastNo = LastNo + 1 WHERE Code = {code} RETURNING LastNo AS Value").ToListAsync(cancellationToken);
}
