using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
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
                case StorageUnavailableException or SqliteStartupException or OptionsValidationException:
                    return e.Message;
                case SqliteException sqlite:
                    var file = DatabaseFile(args);
                    return SqliteFailures.Translate(sqlite, file, 30)?.Message ?? $"The database {file} failed: {sqlite.Message}";
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

    private static string DatabaseFile(string[] args)
    {
        try
        {
            var configuration = new ConfigurationBuilder().AddCommandLine(ServerCommandLine.Normalize(args)).Build();
            return new SqliteConnectionStringBuilder(ServerCommandLine.ResolveConnectionString(configuration)).DataSource;
        }
        catch (ArgumentException)
        {
            return ServerCommandLine.DefaultDatabaseFile;
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
