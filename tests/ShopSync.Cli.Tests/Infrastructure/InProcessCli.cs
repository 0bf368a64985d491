using System.Text;
using ShopSync.Cli.Infrastructure;

namespace ShopSync.Cli.Tests.Infrastructure;

/// <summary>Runs the CLI's entry point in this process with captured writers (thread-safe, readable while it runs).</summary>
public sealed class InProcessCli(Uri server, IReadOnlyDictionary<string, string>? environment = null)
{
    public Task<CliResult> RunAsync(params string[] args) => StartAsync(args, CancellationToken.None).Completion;

    public Running StartAsync(string[] args, CancellationToken interrupt)
    {
        var output = new StringBuilder();
        var error = new StringBuilder();
        var outWriter = TextWriter.Synchronized(new StringWriter(output));
        var errWriter = TextWriter.Synchronized(new StringWriter(error));
        var console = CliConsole.Plain(outWriter, errWriter, name => name == "SHOPSYNC_SERVER" ? server.ToString() : environment?.GetValueOrDefault(name));
        var completion = Task.Run(async () =>
        {
            var code = await ShopSyncCli.RunAsync(args, console, interrupt);
            return new CliResult(code, Read(outWriter, output), Read(errWriter, error));
        });
        return new Running(completion, () => Read(outWriter, output), () => Read(errWriter, error));
    }

    // TextWriter.Synchronized locks on the writer itself, so reading under the same lock sees whole writes.
    private static string Read(TextWriter writer, StringBuilder builder)
    {
        lock (writer)
        {
            return builder.ToString();
        }
    }

    /// <summary>A CLI run in progress.</summary>
    public sealed record Running(Task<CliResult> Completion, Func<string> Out, Func<string> Error);
}
