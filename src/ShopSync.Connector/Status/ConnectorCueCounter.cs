using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ShopSync.Connector.Persistence;

namespace ShopSync.Connector.Status;

/// <summary>
/// Counts the connector cues of one shop in one statement: each cue is a count over an index range that starts with
/// the shop (see docs/sync-status.md for the index of each). Synchronization Errors come from the job log, not here.
/// </summary>
public sealed class ConnectorCueCounter(IDbContextFactory<ConnectorDbContext> contexts)
{
    /// <summary>The cues this counter answers, in the order of the statement's columns.</summary>
    public static IReadOnlyList<StatusCue> Cues { get; } =
    [
        StatusCue.UnmappedCustomers, StatusCue.UnmappedCompanies, StatusCue.UnmappedProducts, StatusCue.UnprocessedOrders,
        StatusCue.UnprocessedOrderUpdates, StatusCue.UnprocessedShipments, StatusCue.ShipmentErrors, StatusCue.SkippedRecords,
        StatusCue.ApiErrors,
    ];

    // Quoted names and TRUE: one statement for SQLite and PostgreSQL (EF Core's column names keep their case there).
    private const string Sql =
        "SELECT " +
        "(SELECT COUNT(*) FROM sync_customers WHERE \"ShopCode\" = @shop AND \"CustomerNo\" IS NULL), " +
        "(SELECT COUNT(*) FROM sync_companies WHERE \"ShopCode\" = @shop AND \"CustomerNo\" IS NULL), " +
        "(SELECT COUNT(*) FROM sync_products WHERE \"ShopCode\" = @shop AND \"ItemNo\" IS NULL), " +
        "(SELECT COUNT(*) FROM sync_orders WHERE \"ShopCode\" = @shop AND \"Status\" = 1), " +
        "(SELECT COUNT(*) FROM sync_orders WHERE \"ShopCode\" = @shop AND \"HasUnprocessedUpdate\" = TRUE), " +
        "(SELECT COUNT(*) FROM erp_posted_shipments WHERE \"ShopCode\" = @shop AND \"FulfillmentState\" = 1), " +
        "(SELECT COUNT(*) FROM erp_posted_shipments WHERE \"ShopCode\" = @shop AND \"FulfillmentState\" = 3), " +
        "(SELECT COUNT(*) FROM sync_record_issues WHERE \"ShopCode\" = @shop AND \"Kind\" = 1) " +
        " + (SELECT COUNT(*) FROM erp_posted_shipments WHERE \"ShopCode\" = @shop AND \"FulfillmentState\" = 4), " +
        "(SELECT COUNT(*) FROM shopify_api_calls WHERE \"ShopCode\" = @shop AND \"Failed\" = TRUE)";

    /// <summary>The statement (parameter <c>@shop</c>), for query plan checks.</summary>
    public static string Statement => Sql;

    /// <summary>The count of every cue in <see cref="Cues"/> for <paramref name="shopCode"/>.</summary>
    public async Task<IReadOnlyDictionary<StatusCue, long>> CountAsync(string shopCode, CancellationToken cancellationToken) =>
        (await CountAsync([shopCode], cancellationToken))[0];

    /// <summary>The counts of several shops (in their order), one prepared statement on one connection.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<StatusCue, long>>> CountAsync(IReadOnlyList<string> shopCodes, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        var shop = command.CreateParameter();
        shop.ParameterName = "@shop";
        command.Parameters.Add(shop);
        var result = new List<IReadOnlyDictionary<StatusCue, long>>(shopCodes.Count);
        foreach (var code in shopCodes)
        {
            shop.Value = code;
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var counts = new Dictionary<StatusCue, long>(Cues.Count);
            for (var i = 0; i < Cues.Count; i++)
            {
                counts[Cues[i]] = reader.GetInt64(i);
            }
            result.Add(counts);
        }
        return result;
    }
}
