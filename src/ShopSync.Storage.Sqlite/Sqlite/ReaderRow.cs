using Microsoft.Data.Sqlite;

namespace ShopSync.Storage.Sqlite;

/// <summary>A Microsoft.Data.Sqlite data reader's current row as an <see cref="IJobRow"/>.</summary>
internal readonly struct ReaderRow : IJobRow
{
    private readonly SqliteDataReader _reader;

    public ReaderRow(SqliteDataReader reader)
    {
        _reader = reader;
    }

    public bool IsNull(int column) => _reader.IsDBNull(column);

    public long Int64(int column) => _reader.GetInt64(column);

    public int Int32(int column) => _reader.GetInt32(column);

    public string String(int column) => _reader.GetString(column);

    public Guid Guid(int column) => new(_reader.GetFieldValue<byte[]>(column));
}
