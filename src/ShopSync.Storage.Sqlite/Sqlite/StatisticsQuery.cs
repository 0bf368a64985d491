using Microsoft.Data.Sqlite;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Codecs;

namespace ShopSync.Storage.Sqlite;

/// <summary>
/// Entry counts per (category, status) in one statement: the metrics read it at most once per cache period, not
/// once per instrument or per category.
/// </summary>
internal static class StatisticsQuery
{
    private const string Sql =
        "SELECT category_code, status, COUNT(*), MIN(CASE WHEN status IN (2, 3) THEN earliest_start END) " +
        "FROM queue_jobs GROUP BY category_code, status";

    public static IReadOnlyList<CategoryStatusCount> Read(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        var counts = new List<CategoryStatusCount>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            counts.Add(new CategoryStatusCount(
                reader.GetString(0),
                (JobStatus)reader.GetInt32(1),
                reader.GetInt64(2),
                reader.IsDBNull(3) ? null : TimeCodec.FromTicks(reader.GetInt64(3))));
        }

        return counts;
    }
}
