namespace ShopSync.Storage.Sqlite;

/// <summary>The SQLite database cannot be prepared at start-up; the message names the file and the cause.</summary>
public sealed class SqliteStartupException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SqliteStartupException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
