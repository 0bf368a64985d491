using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Postgres;

/// <summary>The dashboard's overview read.</summary>
internal sealed partial class PostgresJobStore
{
    public Task<CategoryActivity> ReadCategoryActivityAsync(CategoryActivityQuery query, CancellationToken cancellationToken) =>
        Read(() => _reads.WithAsync(c => PgCategoryActivity.ReadAsync(c, query, cancellationToken), cancellationToken), cancellationToken);
}
