namespace ShopSync.Server.Hosting;

/// <summary>
/// The server's command-line conventions, turned into configuration keys:
/// <c>--urls</c> (gRPC over h2c, default http://127.0.0.1:5000), <c>--web-urls</c> (HTTP/1.1 for browsers: gRPC-Web and
/// webhooks, default http://127.0.0.1:5001, <c>none</c> = off), <c>--db &lt;file&gt;</c> (SQLite file, default shopsync.db),
/// <c>--postgres &lt;Npgsql connection string&gt;</c> (the job queue on PostgreSQL; excludes <c>--db</c>),
/// <c>--node-id &lt;name&gt;</c> (this node's lease-owner id; default unique per process),
/// <c>--auth required</c> (every call needs a credential, also on loopback) and the flags <c>--demo</c> (a sandbox Shopify store and a demo shop) and <c>--log-requests</c> (per-request log lines). Configuration files are not watched for
/// changes unless <c>--hostBuilder:reloadConfigOnChange=true</c> is given.
/// </summary>
internal static class ServerCommandLine
{
    public const string DefaultUrls = "http://127.0.0.1:5000";

    /// <summary>The default gRPC address when <c>--tls-cert</c> is given.</summary>
    public const string DefaultTlsUrls = "https://127.0.0.1:5000";

    /// <summary>Flags that take a value and name a configuration key.</summary>
    private static readonly Dictionary<string, string> ValueFlags = new(StringComparer.Ordinal)
    {
        ["--tls-cert"] = "Tls:CertificateFile",
        ["--tls-key"] = "Tls:KeyFile",
        ["--tls-client-ca"] = "Tls:ClientCaFile",
    };
    public const string DefaultWebUrls = "http://127.0.0.1:5001";
    public const string WebUrlsKey = "WebUrls";
    public const string DefaultDatabaseFile = "shopsync.db";

    /// <summary>
    /// Configuration files are not watched for changes (nothing reloads options at run time): the watcher covers the
    /// content root, usually also the database's folder, and so woke up for every WAL write (~8% of the server's CPU
    /// while processing). Given first, so a later <c>--hostBuilder:reloadConfigOnChange=true</c> still wins.
    /// </summary>
    public const string NoConfigReload = "--hostBuilder:reloadConfigOnChange=false";

    /// <summary>Rewrites flags into key=value pairs the configuration command-line provider accepts.</summary>
    public static string[] Normalize(string[] args)
    {
        var result = new List<string>(args.Length + 2) { NoConfigReload };
        var sawDb = false;
        var sawPostgres = false;
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
                case "--log-requests" when !nextIsValue:
                    result.Add("--" + LogFormat.RequestsKey + "=true");
                    break;
                case "--log-requests":
                    result.Add("--" + LogFormat.RequestsKey + "=" + args[++i]);
                    break;
                case "--web-urls" when nextIsValue:
                    result.Add("--WebUrls=" + args[++i]);
                    break;
                case "--web-urls":
                    throw new ArgumentException("--web-urls needs an address such as http://127.0.0.1:5001, or none");
                case "--db" when nextIsValue:
                    sawDb = true;
                    result.Add("--Storage:DatabaseFile=" + args[++i]);
                    break;
                case "--postgres" when nextIsValue:
                    sawPostgres = true;
                    result.Add("--ConnectionStrings:" + StorageSelection.PostgresConnectionName + "=" + args[++i]);
                    break;
                case "--postgres":
                    throw new UsageException("--postgres needs an Npgsql connection string, e.g. --postgres \"Host=localhost;Database=shopsync;Username=shopsync\"");
                case "--node-id" when nextIsValue:
                    result.Add("--Queue:NodeId=" + args[++i]);
                    break;
                case "--node-id":
                    throw new UsageException("--node-id needs a name, e.g. --node-id node-a");
                case "--auth" when nextIsValue:
                    result.Add("--Access:Mode=" + args[++i]);
                    break;
                case "--auth":
                    throw new ArgumentException("--auth needs a mode: --auth required (every call needs a key or token)");
                case "--db":
                    throw new ArgumentException("--db needs a file name, e.g. --db shopsync.db");
                case var flag when ValueFlags.TryGetValue(flag, out var key) && nextIsValue:
                    result.Add($"--{key}={args[++i]}");
                    break;
                case var flag when ValueFlags.ContainsKey(flag):
                    throw new ArgumentException($"{flag} needs a file name");
                case var flag when flag.IndexOf('=') is > 0 and var eq && ValueFlags.TryGetValue(flag[..eq], out var key):
                    result.Add($"--{key}={flag[(eq + 1)..]}");
                    break;
                default:
                    sawDb |= arg.StartsWith("--db=", StringComparison.Ordinal);
                    sawPostgres |= arg.StartsWith("--postgres=", StringComparison.Ordinal);
                    result.Add(arg.StartsWith("--db=", StringComparison.Ordinal) ? "--Storage:DatabaseFile=" + arg[5..]
                        : arg.StartsWith("--web-urls=", StringComparison.Ordinal) ? "--WebUrls=" + arg[11..]
                        : arg.StartsWith("--postgres=", StringComparison.Ordinal) ? "--ConnectionStrings:" + StorageSelection.PostgresConnectionName + "=" + arg[11..]
                        : arg.StartsWith("--node-id=", StringComparison.Ordinal) ? "--Queue:NodeId=" + arg[10..]
                        : arg.StartsWith("--auth=", StringComparison.Ordinal) ? "--Access:Mode=" + arg[7..]
                        : arg);
                    break;
            }
        }

        if (sawDb && sawPostgres)
        {
            throw new UsageException(StorageSelection.BothGiven);
        }

        return [.. result];
    }

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
