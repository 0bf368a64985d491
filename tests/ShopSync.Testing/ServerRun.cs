using System.Diagnostics;

namespace ShopSync.Testing;

/// <summary>The server binary run to its exit (for start-ups that must fail), with what it printed on each stream.</summary>
public sealed record ServerRun(int ExitCode, string Out, string Error)
{
    /// <summary>Runs shopsync-server on <paramref name="databaseFile"/> and waits for it to exit; a run still going after <paramref name="timeout"/> is killed and fails.</summary>
    public static async Task<ServerRun> UntilExitAsync(string databaseFile, TimeSpan timeout, params string[] extraArgs)
    {
        var info = new ProcessStartInfo(ServerProcess.BinaryPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{FreePort.Next()}");
        info.ArgumentList.Add("--db");
        info.ArgumentList.Add(databaseFile);
        foreach (var arg in extraArgs)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the server");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"The server did not exit within {timeout}:\n{await output}\n{await error}");
        }

        return new ServerRun(process.ExitCode, await output, await error);
    }
}
