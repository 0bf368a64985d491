using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Health.V1;
using ShopSync.Testing.Grpc;

namespace ShopSync.Benchmarks.Engine;

/// <summary>
/// The real server binary (Release build of src/ShopSync.Server) on a free loopback port with its own SQLite file (or
/// the queue on PostgreSQL, as one node of several) and the diagnostics tasks enabled. Running it as a child process keeps its RSS apart from the benchmark client's.
/// With <c>traceStore</c> the store logs every database call (event id 2003), which the benchmark counts.
/// </summary>
internal sealed class EngineServer : IAsyncDisposable
{
    /// <summary>How often the start-up wait asks for health (bounded by its 60 s deadline).</summary>
    private static readonly TimeSpan HealthPollInterval = TimeSpan.FromMilliseconds(50);

    public const string StoreCallMarker = "[2003]";

    /// <summary>EF Core's "Executed DbCommand" event (RelationalEventId.CommandExecuted).</summary>
    public const string EfCommandMarker = "[20101]";

    /// <summary>The retention sweep's interval while the idle scenario counts (the default is 60 minutes).</summary>
    public const int IdleSweepIntervalMinutes = 1;
    private readonly Process _process;
    private readonly TelemetrySink? _telemetry;
    private long _storeCalls;
    private long _sweepCalls;
    private long _sweeps;
    private int _inSweep;

    private EngineServer(Process process, Uri address, TelemetrySink? telemetry, string? apiKey)
    {
        _process = process;
        Address = address;
        _telemetry = telemetry;
        ApiKey = apiKey;
    }

    public Uri Address { get; }

    /// <summary>The admin key every call sends (with <c>--auth on</c>), else null.</summary>
    public string? ApiKey { get; }

    /// <summary>Database calls logged so far outside housekeeping sweeps (only with <c>traceStore</c>).</summary>
    public long StoreCalls => Interlocked.Read(ref _storeCalls);

    /// <summary>Database calls logged so far by housekeeping sweeps (only with <c>traceStore</c>).</summary>
    public long SweepCalls => Interlocked.Read(ref _sweepCalls);

    /// <summary>Housekeeping sweeps seen so far (only with <c>traceStore</c>).</summary>
    public long Sweeps => Interlocked.Read(ref _sweeps);

    /// <summary>What the server's telemetry delivered (with <c>--telemetry on</c>).</summary>
    public string? TelemetrySummary => _telemetry?.Summary();

    /// <param name="options">The benchmark's options.</param>
    /// <param name="databaseFile">The SQLite file (with <paramref name="postgres"/>: the node's folder takes the name's folder, and its default file).</param>
    /// <param name="traceStore">Log every SQLite database call (the idle count on SQLite).</param>
    /// <param name="cancellationToken">Stops waiting for the start.</param>
    /// <param name="postgres">The queue on PostgreSQL: the Npgsql connection string, given as --postgres.</param>
    /// <param name="nodeId">--node-id, with <paramref name="postgres"/>.</param>
    /// <param name="extraArgs">More arguments for this node only.</param>
    public static async Task<EngineServer> StartAsync(
        EngineOptions options, string databaseFile, bool traceStore, CancellationToken cancellationToken,
        string? postgres = null, string? nodeId = null, IReadOnlyList<string>? extraArgs = null)
    {
        var directory = options.ServerDirectory ?? Path.Combine(RepositoryRoot(), "src", "ShopSync.Server", "bin", "Release", "net10.0");
        var binary = Path.Combine(directory, "shopsync-server");
        if (!File.Exists(binary))
        {
            throw new FileNotFoundException($"Build the server first (dotnet build -c Release src/ShopSync.Server): {binary} is missing");
        }

        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(databaseFile)!,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(databaseFile)!);
        string[] store = postgres is null ? ["--db", databaseFile] : ["--postgres", postgres, "--node-id", nodeId ?? "node"];
        string[] args =
        [
            "--urls", address.ToString().TrimEnd('/'), "--web-urls", "none", .. store,
            "--Queue:EnableDiagnosticsTasks=true",
            $"--Storage:Sqlite:Synchronous={options.Synchronous}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:Console:FormatterName=simple",
            "--Logging:Console:FormatterOptions:SingleLine=true",
        ];
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        if (options.MaxConcurrency > 0)
        {
            info.ArgumentList.Add($"--Queue:MaxConcurrency={options.MaxConcurrency.ToString(CultureInfo.InvariantCulture)}");
        }

        foreach (var arg in (options.ServerArgs ?? []).Concat(extraArgs ?? []))
        {
            info.ArgumentList.Add(arg);
        }

        string? apiKey = null;
        if (options.Auth)
        {
            apiKey = await CreateAdminKeyAsync(binary, databaseFile, cancellationToken);
            info.ArgumentList.Add("--auth");
            info.ArgumentList.Add("required");
        }

        if (traceStore)
        {
            // Every database call: the queue store's own trace line, and EF Core's (connector, schedules); the retention
            // sweep every minute, so that an idle window sees one and its queries can be counted apart.
            info.ArgumentList.Add("--Logging:LogLevel:ShopSync.Storage.Sqlite.SqliteJobStore=Trace");
            info.ArgumentList.Add("--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information");
            info.ArgumentList.Add($"--Queue:Retention:SweepIntervalMinutes={IdleSweepIntervalMinutes.ToString(CultureInfo.InvariantCulture)}");
        }

        TelemetrySink? telemetry = null;
        if (options.Telemetry)
        {
            telemetry = new TelemetrySink(FreePort(), FreePort());
            info.ArgumentList.Add("--metrics-urls");
            info.ArgumentList.Add(telemetry.MetricsUrl.ToString().TrimEnd('/'));
            info.ArgumentList.Add("--otlp-endpoint");
            info.ArgumentList.Add(telemetry.OtlpEndpoint.ToString().TrimEnd('/'));
            info.ArgumentList.Add("--otlp-protocol");
            info.ArgumentList.Add("http/protobuf");
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the server");
        var server = new EngineServer(process, address, telemetry, apiKey);
        process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilServingAsync(cancellationToken);
        }
        catch
        {
            // Not left running behind a failed start.
            await server.DisposeAsync();
            throw;
        }

        telemetry?.StartScraping();
        return server;
    }

    /// <summary>`shopsync-server keys create` on the benchmark's database: the key is the last line it prints.</summary>
    private static async Task<string> CreateAdminKeyAsync(string binary, string databaseFile, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(databaseFile)!,
        };
        foreach (var arg in new[] { "keys", "create", "--role", "admin", "--name", "engine-benchmark", "--db", databaseFile })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not run shopsync-server keys create");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return process.ExitCode == 0 && lines.Length > 0
            ? lines[^1]
            : throw new InvalidOperationException($"shopsync-server keys create exited {process.ExitCode}: {error}");
    }

    /// <summary>The server's resident set size from /proc (Linux).</summary>
    public double ResidentMegabytes()
    {
        var lines = File.ReadAllLines($"/proc/{_process.Id}/status");
        Console.Error.WriteLine("server " + string.Join(", ", lines.Where(l => l.StartsWith("Rss", StringComparison.Ordinal)).Select(l => string.Join(' ', l.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)))));
        var rss = lines.Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(rss["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <summary>CPU time (user + system) the server used so far, from /proc (Linux). Unlike rates, it barely depends on other load.</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>
    /// CPU seconds of the store's single writer thread ("ShopSync queue writer", shown truncated in /proc): the serial
    /// part of processing, and unlike the process total it does not include the thread pool's spinning, which grows
    /// with the machine's other load.
    /// </summary>
    public double WriterCpuSeconds()
    {
        long ticks = 0;
        foreach (var task in Directory.EnumerateDirectories($"/proc/{_process.Id}/task"))
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith("ShopSync queue", StringComparison.Ordinal))
                {
                    continue;
                }

                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The thread ended between listing and reading.
            }
        }

        return ticks / 100.0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        if (_telemetry is not null)
        {
            await _telemetry.DisposeAsync();
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ShopSync.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ShopSync.sln not found above " + AppContext.BaseDirectory);
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.Contains(StoreCallMarker, StringComparison.Ordinal) || line.Contains(EfCommandMarker, StringComparison.Ordinal))
        {
            CountQuery(line);
        }
        else if (!line.Contains("trce:", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("server: " + line);
        }
    }

    /// <summary>
    /// A sweep is what lies between its lease being taken and given up (store calls TryAcquireAsync and ReleaseAsync);
    /// the lines come from one reader thread, in order.
    /// </summary>
    private void CountQuery(string line)
    {
        if (line.Contains("Store call TryAcquireAsync", StringComparison.Ordinal))
        {
            Volatile.Write(ref _inSweep, 1);
        }

        if (Volatile.Read(ref _inSweep) == 1)
        {
            Interlocked.Increment(ref _sweepCalls);
        }
        else
        {
            Interlocked.Increment(ref _storeCalls);
        }

        if (line.Contains("Store call ReleaseAsync", StringComparison.Ordinal))
        {
            Volatile.Write(ref _inSweep, 0);
            Interlocked.Increment(ref _sweeps);
        }
    }

    private async Task WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        using var channel = TestChannel.ForAddress(Address);
        var check = HealthReflection.Descriptor.Services[0].FindMethodByName("Check");
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode}.");
            }

            try
            {
                var reply = await channel.UnaryAsync<HealthCheckRequest, HealthCheckResponse>(
                    check, new HealthCheckRequest(), new TestCallOptions { Timeout = TimeSpan.FromSeconds(2), CancellationToken = cancellationToken });
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (RpcException)
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("The server did not become healthy within 60 s.");
            }

            await Task.Delay(HealthPollInterval, cancellationToken);
        }
    }
}
