using System.Diagnostics;
using System.Text;
using Grpc.Core;
using Grpc.Health.V1;
using ShopSync.Testing.Grpc;

namespace ShopSync.Testing;

/// <summary>
/// The real server binary (shopsync-server) as a child process on a free loopback port with its own
/// SQLite file. Tests use it for what only a real process shows: restarts, kill -9, command-line flags.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>How often the start-up wait asks for health (bounded by its 60 s deadline).</summary>
    private static readonly TimeSpan HealthPollInterval = TimeSpan.FromMilliseconds(50);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly object _gate = new();

    private ServerProcess(Process process, Uri address, Uri? webAddress, string databaseFile)
    {
        _process = process;
        Address = address;
        WebAddress = webAddress;
        DatabaseFile = databaseFile;
    }

    public Uri Address { get; }

    /// <summary>The HTTP/1.1 endpoint (gRPC-Web, webhooks) on a free port, or null when the arguments gave --web-urls.</summary>
    public Uri? WebAddress { get; }

    public string DatabaseFile { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, once the process has exited (e.g. after <see cref="StopAsync"/>).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the server printed so far (stdout and stderr).</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The server binary of the same configuration as the running tests.</summary>
    public static string BinaryPath => RepositoryPaths.Binary("src/ShopSync.Server", "shopsync-server");

    /// <summary>Starts the server and waits until its health check says SERVING.</summary>
    /// <param name="databaseFile">The SQLite file (kept across restarts by passing the same file).</param>
    /// <param name="extraArgs">More arguments, e.g. <c>--Queue:EnableDiagnosticsTasks=true</c> or <c>--demo</c>.</param>
    /// <param name="port">A fixed port (to restart on the same address); 0 picks a free one.</param>
    public static Task<ServerProcess> StartAsync(string databaseFile, IEnumerable<string>? extraArgs = null, int port = 0) =>
        StartCoreAsync(databaseFile, ["--db", databaseFile], extraArgs, port);

    /// <summary>
    /// Starts the server with its job queue on PostgreSQL (<c>--postgres</c>, no <c>--db</c>); what is not on
    /// PostgreSQL yet goes to shopsync.db in <paramref name="workingFolder"/>.
    /// </summary>
    public static Task<ServerProcess> StartOnPostgresAsync(string workingFolder, string postgres, IEnumerable<string>? extraArgs = null, int port = 0) =>
        StartCoreAsync(Path.Combine(workingFolder, DefaultDatabaseFileName), ["--postgres", postgres], extraArgs, port);

    private const string DefaultDatabaseFileName = "shopsync.db";

    private static async Task<ServerProcess> StartCoreAsync(string databaseFile, string[] storageArgs, IEnumerable<string>? extraArgs, int port)
    {
        if (!File.Exists(BinaryPath))
        {
            throw new FileNotFoundException($"Build the server first: {BinaryPath} is missing");
        }
        port = port == 0 ? FreePort.Next() : port;
        var address = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo(BinaryPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(databaseFile)!,
        };
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(address.ToString().TrimEnd('/'));
        foreach (var arg in storageArgs)
        {
            info.ArgumentList.Add(arg);
        }

        // Never the default web port: servers of parallel tests would collide on it.
        Uri? webAddress = null;
        if (extraArgs?.Any(a => a.StartsWith("--web-urls", StringComparison.Ordinal)) != true)
        {
            webAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}");
            info.ArgumentList.Add("--web-urls");
            info.ArgumentList.Add(webAddress.ToString().TrimEnd('/'));
        }
        foreach (var arg in extraArgs ?? [])
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the server");
        var server = new ServerProcess(process, address, webAddress, databaseFile);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilServingAsync();
        return server;
    }

    public TestChannel CreateChannel() => TestChannel.ForAddress(Address);

    /// <summary>Ends the process at once, as a crash or <c>kill -9</c> would: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    /// <summary>Asks the server to stop (SIGTERM) and waits for a clean exit.</summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (_process.HasExited)
        {
            return;
        }
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(wait.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilServingAsync()
    {
        using var channel = CreateChannel();
        var check = HealthReflection.Descriptor.Services[0].FindMethodByName("Check");
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode}:\n{Output}");
            }
            try
            {
                var reply = await channel.UnaryAsync<HealthCheckRequest, HealthCheckResponse>(
                    check, new HealthCheckRequest(), new TestCallOptions { Timeout = TimeSpan.FromSeconds(2) });
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
                throw new TimeoutException($"The server did not become healthy within 60 s:\n{Output}");
            }
            await Task.Delay(HealthPollInterval);
        }
    }
}
