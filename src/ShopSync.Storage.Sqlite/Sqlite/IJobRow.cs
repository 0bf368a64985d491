namespace ShopSync.Storage.Sqlite;

/// <summary>The current result row of a query over <see cref="JobRecordReader.Columns"/>, by column ordinal.</summary>
internal interface IJobRow
{
    bool IsNull(int column);

    long Int64(int column);

    int Int32(int column);

    string String(int column);

    Guid Guid(int column);
}
