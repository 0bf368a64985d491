using System.Diagnostics;
using System.Text;
using ShopSync.Testing;

namespace ShopSync.Cli.Tests.Infrastructure;

/// <summary>The real built <c>shopsync</c> binary as a child process (output redirected: plain lines, no bar).</summary>
public static class CliBinary
{
    public static string Path => RepositoryPaths.Binary("clients/ShopSync.Cli", "shopsync");

    public static Running Start(Uri server, params string[] args)
    {
        if (!File.Exists(Path))
        {
            throw new FileNotFoundException($"Build the CLI first: {Path} is missing");
        }
        var info = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["SHOPSYNC_SERVER"] = server.ToString();
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start shopsync");
        var running = new Running(process);
        process.OutputDataReceived += (_, e) => running.Append(running.OutBuilder, e.Data);
        process.ErrorDataReceived += (_, e) => running.Append(running.ErrorBuilder, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    public static async Task<CliResult> RunAsync(Uri server, params string[] args)
    {
        using var running = Start(server, args);
        return await running.WaitAsync();
    }

    /// <summary>A running CLI process.</summary>
    public sealed class Running(Process process) : IDisposable
    {
        internal StringBuilder OutBuilder { get; } = new();

        internal StringBuilder ErrorBuilder { get; } = new();

        public int ProcessId => process.Id;

        public string Out => Read(OutBuilder);

        public string Error => Read(ErrorBuilder);

        public async Task<CliResult> WaitAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            process.WaitForExit(); // flushes the asynchronous output readers
            return new CliResult(process.ExitCode, Out, Error);
        }

        /// <summary>Sends SIGINT, as Ctrl+C in a terminal would.</summary>
        public async Task InterruptAsync()
        {
            using var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        internal void Append(StringBuilder builder, string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (builder)
            {
                builder.AppendLine(line);
            }
        }

        private static string Read(StringBuilder builder)
        {
            lock (builder)
            {
                return builder.ToString();
            }
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            process.Dispose();
        }
    }
}
