using Microsoft.Data.Sqlite;

namespace ShopSync.Storage.Sqlite;

/// <summary>Positional binding for prepared commands.</summary>
internal static class CommandExtensions
{
    public static SqliteCommand Bind(this SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command;
    }

    public static object Db(this bool value) => value ? 1L : 0L;

    public static object Db(this Guid value) => value.ToByteArray();

    public static object Db(this Guid? value) => value.HasValue ? value.Value.ToByteArray() : DBNull.Value;
}
