using System.Runtime.InteropServices;
using ShopSync.Cli;
using ShopSync.Cli.Infrastructure;

using var interrupt = new CancellationTokenSource();
// Ctrl+C cancels the running command (a foreground sync detaches); a second Ctrl+C ends the process.
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
{
    if (!interrupt.IsCancellationRequested)
    {
        context.Cancel = true;
        interrupt.Cancel();
    }
});
return await ShopSyncCli.RunAsync(args, CliConsole.System(), interrupt.Token);
