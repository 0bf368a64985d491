using System.Diagnostics;
using System.Text.RegularExpressions;
using ShopSync.Cli.Tests.Infrastructure;
using ShopSync.Testing;

namespace ShopSync.Cli.Tests.Binary;

/// <summary>The live progress bar on a real terminal: the CLI runs in a tmux pane, the test reads the screen.</summary>
[Collection(ServerCollection.Name)]
public sealed partial class TmuxProgressBarTests(ServerFixture fixture) : IDisposable
{
    private readonly string _socket = "shopsync-cli-" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task ForegroundSync_OnATerminal_ShowsALiveBarThatAdvancesAndCtrlCDetaches()
    {
        var command = $"SHOPSYNC_SERVER={fixture.Address} {CliBinary.Path} sync 90001 --foreground --option steps=40 --option step_ms=250; echo EXIT=$?; read";
        await TmuxAsync("new-session", "-d", "-s", "cli", "-x", "160", "-y", "20", command);

        var first = await Eventually.ReturnsAsync(CapturePercentAsync, p => p is > 0 and < 60, "the bar to show progress");
        var second = await Eventually.ReturnsAsync(CapturePercentAsync, p => p > first, $"the bar to advance beyond {first}%");
        Assert.True(second > first);
        var screen = await CaptureAsync();
        Assert.Contains("━", screen, StringComparison.Ordinal);
        Assert.Contains("done ", screen, StringComparison.Ordinal);

        await TmuxAsync("send-keys", "-t", "cli", "C-c");
        var detached = await Eventually.ReturnsAsync(CaptureAsync, s => s.Contains("EXIT=", StringComparison.Ordinal), "the CLI to detach");
        Assert.Contains("Re-attach with: shopsync jobs watch", detached, StringComparison.Ordinal);
        Assert.Contains("EXIT=130", detached, StringComparison.Ordinal);
    }

    private async Task<int> CapturePercentAsync()
    {
        var matches = PercentPattern().Matches(await CaptureAsync());
        return matches.Count == 0 ? -1 : matches.Max(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    // -J joins wrapped lines: the detach message follows the bar's line, and where a 160-column pane wraps it depends
    // on how long the bar's text was (a CI run once did not find "Re-attach with: shopsync jobs watch" on one row).
    private Task<string> CaptureAsync() => TmuxAsync("capture-pane", "-p", "-J", "-t", "cli");

    private async Task<string> TmuxAsync(params string[] args)
    {
        var info = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-L");
        info.ArgumentList.Add(_socket);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["TERM"] = "xterm-256color";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("tmux did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"tmux {string.Join(' ', args)} failed: {error}");
        return output;
    }

    public void Dispose()
    {
        using var kill = Process.Start(new ProcessStartInfo("tmux", ["-L", _socket, "kill-server"]) { RedirectStandardError = true, UseShellExecute = false });
        kill?.WaitForExit();
    }

    [GeneratedRegex(@"(\d{1,3})%")]
    private static partial Regex PercentPattern();
}
