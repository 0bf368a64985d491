namespace ShopSync.Storage.Postgres.DataProtection;

/// <summary>The Data Protection key ring's table (history <c>__key_ring_migrations</c>), shared by every node.</summary>
internal static class KeyRingSchema
{
    public const string HistoryTable = "__key_ring_migrations";

    public static readonly IReadOnlyList<(int Version, string Name, string Sql)> Migrations =
    [
        (1, "data_protection_key_ring", V1),
    ];

    // One row per key ring element (a key, a revocation), in the order they were stored.
    private const string V1 = """
        CREATE TABLE data_protection_key_ring (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            friendly_name text NOT NULL UNIQUE,
            xml text NOT NULL,
            stored_at timestamptz NOT NULL DEFAULT now()
        );
        """;
}
