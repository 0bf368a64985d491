using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using ShopSync.Storage.Postgres;
using ShopSync.Storage.Postgres.DataProtection;
using ShopSync.Storage.Postgres.Migrations;

namespace ShopSync.Storage;

/// <summary>What other modules keep in the job queue's PostgreSQL database: the key ring, their own tables.</summary>
public static class PostgresSharedStateServiceCollectionExtensions
{
    /// <summary>
    /// Puts the Data Protection key ring in PostgreSQL (<see cref="PostgresXmlRepository"/>), replacing the repository
    /// registered before this call. Call after <c>AddShopSyncPostgresStore</c> and after the module that adds Data
    /// Protection; initialize it with <see cref="PostgresXmlRepository.InitializeAsync"/> before the first key is read.
    /// </summary>
    public static IServiceCollection AddShopSyncPostgresKeyRing(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new PostgresXmlRepository(sp.GetRequiredService<PostgresJobStore>().DataSource));
        services.AddOptions<KeyManagementOptions>().Configure<PostgresXmlRepository>((o, repository) => o.XmlRepository = repository);
        return services;
    }

    /// <summary>The job queue's PostgreSQL connections, for a module that keeps its own tables in the same database.</summary>
    public static NpgsqlDataSource GetShopSyncPostgresDataSource(this IServiceProvider services) =>
        services.GetRequiredService<PostgresJobStore>().DataSource;

    /// <summary>
    /// Applies a module's migrations (each recorded in <paramref name="historyTable"/>) under the same advisory lock
    /// as the queue's, so several nodes starting at once migrate once.
    /// </summary>
    public static Task<int> MigratePostgresAsync(
        this NpgsqlDataSource dataSource,
        string historyTable,
        IReadOnlyList<(int Version, string Name, string Sql)> migrations,
        CancellationToken cancellationToken) =>
        PostgresMigrator.MigrateAsync(dataSource, historyTable, migrations, cancellationToken);
}
