using Microsoft.Data.Sqlite;
using ShopSync.Queue.Errors;
using ShopSync.Storage.Sqlite;

namespace ShopSync.Server.Hosting;

/// <summary>
/// A start-up that cannot go on ends with one line on stderr naming the cause (and the file, for the database) and a
/// non-zero exit code, instead of an unhandled exception with a stack trace.
/// </summary>
internal static class StartupFailure
{
    /// <summary>The exit code of a failed start-up.</summary>
    public const int ExitCode = 3;

    public static int Report(Exception exception, string[] args, TextWriter error)
    {
        error.WriteLine("shopsync-server: cannot start: " + OneLine(Describe(exception, args)));
        error.Flush();
        return ExitCode;
    }

    internal static string Describe(Exception exception, string[] args)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Invalid settings never get here: Program reports them first (InvalidSettings, exit code 2).
                case StorageUnavailableException or SqliteStartupException:
                    return e.Message;
                case SqliteException sqlite:
                    var configuration = Configuration(args);
                    var file = DatabaseFile(configuration);
                    return SqliteFailures.Translate(sqlite, file, BusyTimeoutSeconds(configuration))?.Message ?? $"The database {file} failed: {sqlite.Message}";
                case OperationCanceledException:
                    return "start-up was interrupted.";
            }
        }

        return exception switch
        {
            ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException => exception.Message,
            _ => $"{exception.GetType().Name}: {exception.Message}",
        };
    }

    /// <summary>The settings the failed start-up saw, as far as they can be read without its host: environment and command line.</summary>
    private static IConfiguration Configuration(string[] args) =>
        new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(ServerCommandLine.Normalize(args)).Build();

    /// <summary>The configured busy timeout (<c>Storage:Sqlite:BusyTimeoutSeconds</c>), or the store's default.</summary>
    private static int BusyTimeoutSeconds(IConfiguration configuration) =>
        configuration.GetValue<int?>("Storage:Sqlite:" + nameof(SqliteStoreOptions.BusyTimeoutSeconds)) is { } seconds && seconds > 0
            ? seconds
            : new SqliteStoreOptions().BusyTimeoutSeconds;

    private static string DatabaseFile(IConfiguration configuration)
    {
        try
        {
            return new SqliteConnectionStringBuilder(ServerCommandLine.ResolveConnectionString(configuration)).DataSource;
        }
        catch (ArgumentException)
        {
            return ServerCommandLine.DefaultDatabaseFile;
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
