using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using ShopSync.Shopify.Client;

namespace ShopSync.Storage.Postgres.Connector;

/// <summary>
/// The Shopify cost budgets of every node on one PostgreSQL: a row per store in <c>shopify_cost_budgets</c>, a leaky
/// bucket refilled by the database clock. A take is one upsert that refills the row by the time since it was last
/// touched and takes the points only if they are there, under the row's lock, so three nodes syncing one store take
/// from one bucket and never overdraw it. Time only moves forward in a row: a statement that waited on the row's lock
/// behind a later one adds no refill. The row also counts the points of attempts still out (<c>in_flight</c>): the
/// store's own figure in an answer does not include them yet, so a calibration subtracts them. A node that dies mid-call
/// leaves its points counted (the bucket modelled that much lower) until the row has been idle for two minutes.
/// </summary>
public sealed partial class PostgresShopifyCostBudgetStore : IShopifyCostBudgetStore, IDisposable
{
    // The points in the row at the statement's time (EXCLUDED.updated_at: the proposed row's clock_timestamp()).
    private const string Level =
        "LEAST(b.maximum, b.available + GREATEST(0, EXTRACT(EPOCH FROM (EXCLUDED.updated_at - b.updated_at))::float8) * b.restore_rate)";

    // Calibrated: the points are there (a query larger than the bucket needs a full bucket). Not yet: no probe is out.
    private const string Grant =
        $"((b.calibrated AND {Level} >= LEAST($2, b.maximum)) OR (NOT b.calibrated AND (b.probe_until IS NULL OR b.probe_until < EXCLUDED.updated_at)))";

    // An attempt times out after a minute (ShopifyClientOptions.AttemptTimeout): a row idle for two holds none still out.
    private const string InFlight = "(CASE WHEN EXCLUDED.updated_at - b.updated_at > interval '2 minutes' THEN 0 ELSE b.in_flight END)";

    private const string TakeSql = $"""
        INSERT INTO shopify_cost_budgets AS b (budget_key, maximum, available, restore_rate, updated_at, calibrated, probe_until, granted, in_flight)
        VALUES ($1, $3, $3 - $2, $4, clock_timestamp(), false, clock_timestamp() + interval '30 seconds', true, $2)
        ON CONFLICT (budget_key) DO UPDATE SET
            available = CASE WHEN {Grant} THEN {Level} - $2 ELSE {Level} END,
            in_flight = CASE WHEN {Grant} THEN {InFlight} + $2 ELSE {InFlight} END,
            probe_until = CASE WHEN NOT b.calibrated AND {Grant} THEN EXCLUDED.updated_at + interval '30 seconds' ELSE b.probe_until END,
            granted = {Grant},
            updated_at = GREATEST(b.updated_at, EXCLUDED.updated_at)
        RETURNING granted, available, maximum, restore_rate, calibrated
        """;

    // $2 reserved, $3 charged (null: unknown, nothing given back), $4..$6 the store's maximum, restore rate, available.
    private const string SettleSql = """
        UPDATE shopify_cost_budgets AS b SET
            available = LEAST(
                COALESCE($4, b.maximum),
                LEAST(b.maximum, b.available + GREATEST(0, EXTRACT(EPOCH FROM (c.t - b.updated_at))::float8) * b.restore_rate)
                    + COALESCE($2 - $3, 0),
                COALESCE($6 - GREATEST(0, b.in_flight - $2), 'Infinity'::float8)),
            in_flight = GREATEST(0, b.in_flight - $2),
            maximum = COALESCE($4, b.maximum),
            restore_rate = COALESCE($5, b.restore_rate),
            calibrated = b.calibrated OR $4 IS NOT NULL,
            probe_until = NULL,
            updated_at = GREATEST(b.updated_at, c.t)
        FROM (SELECT clock_timestamp() AS t) AS c
        WHERE b.budget_key = $1
        """;

    private static readonly TimeSpan ProbePoll = TimeSpan.FromMilliseconds(50);

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<PostgresShopifyCostBudgetStore> _logger;

    /// <summary>The budgets in the PostgreSQL database of <paramref name="connectionString"/> (the connector's migrations create the table).</summary>
    public PostgresShopifyCostBudgetStore(string connectionString, ILogger<PostgresShopifyCostBudgetStore> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _logger = logger;
    }

    /// <inheritdoc />
    public async ValueTask<ShopifyBudgetTake> TryTakeAsync(
        string budgetKey, double cost, double defaultMaximum, double defaultRestoreRate, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(TakeSql);
        command.Parameters.Add(new NpgsqlParameter { Value = budgetKey });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Double, Value = cost });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Double, Value = defaultMaximum });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Double, Value = defaultRestoreRate });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var taken = reader.GetBoolean(0);
        var state = new ShopifyThrottleSnapshot(reader.GetDouble(2), reader.GetDouble(1), reader.GetDouble(3), reader.GetBoolean(4));
        if (taken)
        {
            return new ShopifyBudgetTake(true, TimeSpan.Zero, state);
        }

        var wait = state.IsCalibrated
            ? TimeSpan.FromSeconds(Math.Max(0.001, (Math.Min(cost, state.MaximumAvailable) - state.CurrentlyAvailable) / state.RestoreRate))
            : ProbePoll;
        return new ShopifyBudgetTake(false, wait, state);
    }

    /// <inheritdoc />
    /// <remarks>
    /// A settlement that fails (the database is unreachable) is logged and dropped: the points stay spent, which only
    /// makes the bucket more cautious until it refills.
    /// </remarks>
    public async ValueTask SettleAsync(string budgetKey, double reserved, double? charged, ShopifyThrottleStatus? status, CancellationToken cancellationToken)
    {
        var calibrates = status is { RestoreRate: > 0, MaximumAvailable: > 0 };
        try
        {
            await using var command = _dataSource.CreateCommand(SettleSql);
            command.Parameters.Add(new NpgsqlParameter { Value = budgetKey });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Double, Value = reserved });
            command.Parameters.Add(Nullable(charged));
            command.Parameters.Add(Nullable(calibrates ? status!.MaximumAvailable : null));
            command.Parameters.Add(Nullable(calibrates ? status!.RestoreRate : null));
            command.Parameters.Add(Nullable(calibrates ? status!.CurrentlyAvailable : null));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            LogSettleFailed(_logger, budgetKey, e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();

    private static NpgsqlParameter Nullable(double? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Double, Value = value is { } v ? v : DBNull.Value };

    [LoggerMessage(EventId = 2130, EventName = "CostBudgetSettleFailed", Level = LogLevel.Warning,
        Message = "Could not settle the shared Shopify cost budget of {BudgetKey}; its points stay spent until the bucket refills")]
    private static partial void LogSettleFailed(ILogger logger, string budgetKey, Exception exception);
}
