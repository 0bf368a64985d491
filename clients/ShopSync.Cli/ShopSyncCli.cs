using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using ShopSync.Cli.Commands;
using ShopSync.Cli.Infrastructure;

namespace ShopSync.Cli;

/// <summary>The <c>shopsync</c> operator CLI. <see cref="RunAsync"/> is the entry point (also for in-process tests).</summary>
public static class ShopSyncCli
{
    /// <summary>Runs one command line and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="console">Where to write.</param>
    /// <param name="interrupt">Cancelled by Ctrl+C.</param>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken interrupt)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var root = BuildRootCommand(console);
        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            var path = string.Join(' ', CommandPath(parseResult));
            var messages = parseResult.Errors.Select(e => e.Message.TrimEnd('.')).Distinct();
            await console.Error.WriteLineAsync($"shopsync{(path.Length > 0 ? " " + path : "")}: {string.Join("; ", messages)}");
            await console.Error.WriteLineAsync($"Run 'shopsync {string.Join(' ', CommandPath(parseResult))} --help' for usage.".Replace("  ", " ", StringComparison.Ordinal));
            return ExitCodes.Usage;
        }
        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        return await parseResult.InvokeAsync(configuration, interrupt);
    }

    internal static RootCommand BuildRootCommand(CliConsole console)
    {
        var root = new RootCommand("shopsync: the operator CLI of a ShopSync server (shops, syncs, the job queue, schedules, filters, status).");
        root.Options.Add(GlobalOptions.Server);
        root.Options.Add(GlobalOptions.Json);
        root.Options.Add(GlobalOptions.User);
        root.Options.Add(GlobalOptions.Token);
        root.Options.Add(GlobalOptions.TokenFile);
        root.Options.Add(GlobalOptions.Ca);
        foreach (var option in root.Options)
        {
            if (option is HelpOption help && help.Action is HelpAction inner)
            {
                help.Action = new ExitCodesHelpAction(inner);
            }
        }
        var handlers = new CommandHandlers(console);
        root.Subcommands.Add(ShopsCommands.Build(handlers));
        root.Subcommands.Add(SyncCommand.Build(handlers));
        root.Subcommands.Add(JobsCommands.Build(handlers));
        root.Subcommands.Add(ScheduleCommands.Build(handlers));
        root.Subcommands.Add(FiltersCommands.Build(handlers));
        root.Subcommands.Add(StatusCommand.Build(handlers));
        root.Subcommands.Add(AuditCommand.Build(handlers));
        root.Subcommands.Add(ServerCommands.Build(handlers));
        root.Subcommands.Add(AccessCommands.BuildWhoAmI(handlers));
        root.Subcommands.Add(AccessCommands.BuildKeys(handlers));
        return root;
    }

    internal static IEnumerable<string> CommandPath(ParseResult parseResult)
    {
        var names = new Stack<string>();
        for (var result = parseResult.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            names.Push(result.Command.Name);
        }
        return names;
    }

    /// <summary>The default help, plus the exit codes on every page.</summary>
    private sealed class ExitCodesHelpAction(HelpAction inner) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            inner.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine(ExitCodes.HelpText);
            return ExitCodes.Ok;
        }
    }
}
