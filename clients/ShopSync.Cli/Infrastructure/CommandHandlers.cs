using System.CommandLine;
using Grpc.Core;

namespace ShopSync.Cli.Infrastructure;

/// <summary>Runs a command's handler with one error policy: every failure is one line on stderr and an exit code.</summary>
internal sealed class CommandHandlers(CliConsole console)
{
    public void Set(Command command, Func<CliContext, Task<int>> handler) =>
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, handler, cancellationToken));

    private async Task<int> RunAsync(ParseResult parseResult, Func<CliContext, Task<int>> handler, CancellationToken interrupt)
    {
        var name = "shopsync " + string.Join(' ', ShopSyncCli.CommandPath(parseResult));
        using var context = new CliContext(parseResult, console, interrupt);
        try
        {
            return await handler(context);
        }
        catch (CliException e)
        {
            await console.Error.WriteLineAsync($"{name}: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (Interrupts.Ended(e, interrupt))
        {
            await console.Error.WriteLineAsync($"{name}: interrupted");
            return ExitCodes.Interrupted;
        }
        catch (RpcException e)
        {
            var (code, line) = CliErrors.Describe(e, name, SafeAddress(context));
            await console.Error.WriteLineAsync(line);
            return code;
        }
    }

    private static Uri SafeAddress(CliContext context)
    {
        try
        {
            return context.ServerAddress;
        }
        catch (CliException)
        {
            return new Uri(GlobalOptions.DefaultServer);
        }
    }
}
