using System.Globalization;

namespace ShopSync.Benchmarks.Engine;

/// <summary>
/// Options of `engine`: --sync full|normal (default full), --scale F (multiplies every count; default 1),
/// --concurrency N (the server's Queue:MaxConcurrency; default the server's own), --only a,b (scenarios:
/// idle, latency, progress, process100, process1, single, bulk, rss), --server DIR (another build of the server, e.g. a
/// copy of an older one for an A/B comparison under the same load), --telemetry on|off (default off). On: the server's
/// metrics go to a Prometheus endpoint the benchmark scrapes every 15 s, and its metrics and traces to an OTLP/HTTP sink
/// the benchmark hosts; off: no exporter at all, so the instruments cost nothing. Run both, alternated, for the cost.
/// --auth on|off (default off): on starts the server with --auth required and an admin API key made by
/// `shopsync-server keys create`, which every call sends; run both, alternated, for what authentication costs.
/// --server-arg ARG (repeatable) passes ARG to the server as it is, e.g. --server-arg --log-requests.
/// --store sqlite|postgres (default sqlite): postgres starts a private, durable PostgreSQL (scripts/postgres.sh) and the
/// servers with --postgres; --nodes N (postgres only, default 1) starts N servers on it and spreads the load over them.
/// </summary>
internal sealed record EngineOptions(
    string Synchronous, double Scale, int MaxConcurrency, IReadOnlySet<string> Only, string? ServerDirectory, bool Telemetry = false,
    bool Auth = false, IReadOnlyList<string>? ServerArgs = null, bool Postgres = false, int Nodes = 1)
{
    public static readonly string[] Scenarios = ["idle", "latency", "progress", "process100", "process1", "single", "bulk", "rss"];

    public static EngineOptions Parse(string[] args)
    {
        var synchronous = "Full";
        var scale = 1.0;
        var concurrency = 0;
        string? server = null;
        var telemetry = false;
        var auth = false;
        var serverArgs = new List<string>();
        var postgres = false;
        var nodes = 1;
        IReadOnlySet<string> only = new HashSet<string>(Scenarios, StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--sync":
                    synchronous = value.Equals("normal", StringComparison.OrdinalIgnoreCase) ? "Normal"
                        : value.Equals("full", StringComparison.OrdinalIgnoreCase) ? "Full"
                        : throw new ArgumentException("--sync: use full or normal");
                    break;
                case "--scale":
                    scale = double.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--concurrency":
                    concurrency = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--telemetry":
                    telemetry = OnOff(value, "--telemetry");
                    break;
                case "--auth":
                    auth = OnOff(value, "--auth");
                    break;
                case "--server-arg":
                    serverArgs.Add(value);
                    break;
                case "--store":
                    postgres = value.Equals("postgres", StringComparison.OrdinalIgnoreCase) ? true
                        : value.Equals("sqlite", StringComparison.OrdinalIgnoreCase) ? false
                        : throw new ArgumentException("--store: use sqlite or postgres");
                    break;
                case "--nodes":
                    nodes = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--server":
                    server = value;
                    break;
                case "--only":
                    only = new HashSet<string>(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);
                    break;
                default:
                    throw new ArgumentException($"unknown option {args[i]}; options: --sync, --scale, --concurrency, --only ({string.Join(',', Scenarios)}), --server, --telemetry, --auth, --server-arg, --store, --nodes");
            }
        }

        if (nodes < 1 || (nodes > 1 && !postgres))
        {
            throw new ArgumentException("--nodes: at least 1, and more than 1 only with --store postgres (nodes share one database)");
        }

        if (postgres && auth)
        {
            throw new ArgumentException("--auth on: only with --store sqlite (the benchmark makes its key in the SQLite file)");
        }

        return new EngineOptions(synchronous, scale, concurrency, only, server, telemetry, auth, serverArgs, postgres, nodes);
    }

    private static bool OnOff(string value, string option) =>
        value.Equals("on", StringComparison.OrdinalIgnoreCase) ? true
        : value.Equals("off", StringComparison.OrdinalIgnoreCase) ? false
        : throw new ArgumentException(option + ": use on or off");

    public int Count(int baseCount) => Math.Max(1, (int)(baseCount * Scale));

    public bool Runs(string scenario) => Only.Contains(scenario);
}
