using System.Diagnostics;
using ShopSync.Cli.Tests.Infrastructure;
using ShopSync.Testing;

namespace ShopSync.Cli.Tests.Access;

/// <summary>
/// The README's access example with the real binaries: bootstrap an admin key into the database, start the server
/// with --auth required, create an operator key scoped to a shop over the API, and see a denied call.
/// </summary>
public sealed class AccessCliTests : IDisposable
{
    private readonly TempDirectory _directory = new("shopsync-access-cli");

    [Fact]
    public async Task KeysCreate_BootstrapThenScopedOperator_WhoAmIAndDenialsAsDocumented()
    {
        var db = _directory.File("shopsync.db");
        var bootstrap = await RunServerCommandAsync("keys", "create", "--role", "admin", "--name", "root", "--db", db);
        Assert.True(bootstrap.ExitCode == 0, bootstrap.Output);
        var adminKey = LastLine(bootstrap.Output);
        Assert.StartsWith("ssk_", adminKey, StringComparison.Ordinal);
        var adminFile = WriteTokenFile("admin.key", adminKey, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        await using var server = await ServerProcess.StartAsync(db, ["--auth", "required", "--demo"]);
        var whoami = await CliBinary.RunAsync(server.Address, "whoami", "--token-file", adminFile);
        var created = await CliBinary.RunAsync(server.Address, "keys", "create", "--role", "operator", "--name", "demo-ops", "--shop", "demo", "--token-file", adminFile);
        var operatorKey = LastLine(created.Out);
        var operatorWho = await CliBinary.RunAsync(server.Address, "whoami", "--token", operatorKey);
        var denied = await CliBinary.RunAsync(server.Address, "shops", "remove", "demo", "--token", operatorKey);
        var anonymous = await CliBinary.RunAsync(server.Address, "shops", "list");
        var listed = await CliBinary.RunAsync(server.Address, "keys", "list", "--token-file", adminFile);

        Assert.Equal(0, whoami.ExitCode);
        Assert.Contains("principal: root", whoami.Out, StringComparison.Ordinal);
        Assert.Contains("role:      admin", whoami.Out, StringComparison.Ordinal);
        Assert.Equal(0, created.ExitCode);
        Assert.Contains("shops:     demo", operatorWho.Out, StringComparison.Ordinal);
        Assert.Equal(6, denied.ExitCode);
        Assert.Contains("'shops.write'", denied.Error, StringComparison.Ordinal);
        Assert.Contains("PERMISSION_DENIED", denied.Error, StringComparison.Ordinal);
        Assert.Equal(6, anonymous.ExitCode);
        Assert.Contains("UNAUTHENTICATED", anonymous.Error, StringComparison.Ordinal);
        Assert.Contains("demo-ops", listed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(operatorKey, listed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenFile_ReadableByOthers_IsRefusedBeforeAnyCall()
    {
        var file = WriteTokenFile("open.key", "ssk_" + new string('A', 43), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = await CliBinary.RunAsync(new Uri("http://127.0.0.1:9"), "whoami", "--token-file", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("chmod 600", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private string WriteTokenFile(string name, string token, UnixFileMode mode)
    {
        var file = _directory.File(name);
        File.WriteAllText(file, token + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, mode);
        }
        return file;
    }

    private static string LastLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];

    private static async Task<(int ExitCode, string Output)> RunServerCommandAsync(params string[] args)
    {
        var info = new ProcessStartInfo(ServerProcess.BinaryPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(bound.Token);
        return (process.ExitCode, await output + await error);
    }
}
