using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Sqlite;

/// <summary>The dashboard's overview read.</summary>
internal sealed partial class SqliteJobStore
{
    public Task<CategoryActivity> ReadCategoryActivityAsync(CategoryActivityQuery query, CancellationToken cancellationToken) =>
        Read(() => _reads.WithConnection(c => SqliteCategoryActivity.Read(c, query)), cancellationToken);
}
