using System.Diagnostics;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Process;

/// <summary>Options are validated at start: the real binary refuses a bad setting and says which one.</summary>
public sealed class BadSettingTests
{
    [Theory]
    [InlineData("--Storage:Sqlite:WriterCacheMegabytes=0", "Storage:Sqlite:WriterCacheMegabytes")]
    [InlineData("--Storage:Sqlite:MaxBatchSize=0", "Storage:Sqlite:MaxBatchSize")]
    [InlineData("--Queue:MaxConcurrency=0", "Queue:MaxConcurrency")]
    [InlineData("--Sync:OrdersPageSize=500", "Sync:OrdersPageSize")]
    public async Task Start_SettingOutOfRange_ExitsWithAMessageNamingTheSetting(string argument, string setting)
    {
        using var directory = new TempDirectory("shopsync-bad-setting");
        var info = new ProcessStartInfo(ServerProcess.BinaryPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory.Path,
        };
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{FreePort.Next()}");
        info.ArgumentList.Add("--db");
        info.ArgumentList.Add(directory.File("shopsync.db"));
        info.ArgumentList.Add(argument);

        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"The server did not stop on {argument}.");
        }

        var output = await stdout + await stderr;
        Assert.Contains(setting, output, StringComparison.Ordinal);
        Assert.Contains("invalid configuration", output, StringComparison.Ordinal);
        Assert.Equal(2, process.ExitCode);
    }
}
