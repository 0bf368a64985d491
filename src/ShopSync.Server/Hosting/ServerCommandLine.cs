namespace ShopSync.Server.Hosting;

/// <summary>
/// The server's command-line conventions, turned into configuration keys:
/// <c>--urls</c> (default http://127.0.0.1:5000), <c>--db &lt;file&gt;</c> (SQLite file, default shopsync.db)
/// and the flag <c>--demo</c> (a sandbox Shopify store and a demo shop). Configuration files are not watched for
/// changes unless <c>--hostBuilder:reloadConfigOnChange=true</c> is given.
/// </summary>
internal static class ServerCommandLine
{
    public const string DefaultUrls = "http://127.0.0.1:5000";
    public const string DefaultDatabaseFile = "shopsync.db";

    /// <summary>Rewrites flags into key=value pairs the configuration command-line provider accepts.</summary>
    public static string[] Normalize(string[] args)
    {
        var result = new List<string>(args.Length + 2);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var nextIsValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            switch (arg)
            {
                case "--demo" when !nextIsValue:
                    result.Add("--Demo:Enabled=true");
                    break;
                case "--demo":
                    result.Add("--Demo:Enabled=" + args[++i]);
                    break;
                case "--db" when nextIsValue:
                    result.Add("--Storage:DatabaseFile=" + args[++i]);
                    break;
                case "--db":
                    throw new ArgumentException("--db needs a file name, e.g. --db shopsync.db");
                default:
                    result.Add(arg.StartsWith("--db=", StringComparison.Ordinal) ? "--Storage:DatabaseFile=" + arg[5..] : arg);
                    break;
            }
        }
        if (!result.Exists(a => a.StartsWith("--" + ReloadConfigOnChange, StringComparison.OrdinalIgnoreCase)))
        {
            // The appsettings watcher watches the whole content root, the working directory, where the database,
            // its WAL and shm live by default: every write of the queue raised file events its thread then handled
            // (~4% of the server's CPU in a bulk enqueue). Settings are read at start; pass =true to watch anyway.
            result.Add("--" + ReloadConfigOnChange + "=false");
        }
        return [.. result];
    }

    private const string ReloadConfigOnChange = "hostBuilder:reloadConfigOnChange";

    /// <summary>
    /// The database connection string: <c>ConnectionStrings:ShopSync</c> when set, otherwise the SQLite
    /// file named by <c>--db</c> (default shopsync.db in the working directory).
    /// </summary>
    public static string ResolveConnectionString(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("ShopSync");
        if (!string.IsNullOrWhiteSpace(configured) && string.IsNullOrWhiteSpace(configuration["Storage:DatabaseFile"]))
        {
            return configured;
        }
        var file = configuration["Storage:DatabaseFile"] is { Length: > 0 } f ? f : DefaultDatabaseFile;
        return $"Data Source={Path.GetFullPath(file)}";
    }
}
