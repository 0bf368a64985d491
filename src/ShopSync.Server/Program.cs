using ShopSync.Server.Access;
using ShopSync.Server.Hosting;
using ShopSync.Storage.Sqlite;

if (ServerKeysCommand.Handles(args))
{
    return await ServerKeysCommand.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
}

// Before any SQLite connection opens (SQLite takes process-wide settings only then).
SqliteProcessSettings.Apply();

WebApplication app;
try
{
    var builder = WebApplication.CreateBuilder(ServerCommandLine.Normalize(args));
    builder.AddShopSyncServer();
    app = builder.Build();
    await app.PrepareShopSyncAsync(app.Lifetime.ApplicationStopping);
    app.MapShopSync();
    await app.StartAsync();
}
catch (UsageException usage)
{
    await Console.Error.WriteLineAsync($"shopsync-server: usage: {usage.Message}");
    return UsageException.ExitCode;
}
catch (Exception error) when (InvalidSettings.Describe(error) is { } invalid)
{
    // A bad setting is an operator's mistake, not a crash: one line naming it, no stack trace.
    await Console.Error.WriteLineAsync($"shopsync-server: invalid configuration: {invalid}");
    return 2;
}
catch (Exception e)
{
    return StartupFailure.Report(e, args, Console.Error);
}

await app.WaitForShutdownAsync();
await app.DisposeAsync();
return 0;
