using ShopSync.Server.Hosting;

var builder = WebApplication.CreateBuilder(ServerCommandLine.Normalize(args));
builder.AddShopSyncServer();

var app = builder.Build();
try
{
    await app.PrepareShopSyncAsync(app.Lifetime.ApplicationStopping);
}
catch (Exception error) when (InvalidSettings.Describe(error) is { } invalid)
{
    // A bad setting is an operator's mistake, not a crash: one line naming it, no stack trace.
    await Console.Error.WriteLineAsync($"shopsync-server: invalid configuration: {invalid}");
    return 2;
}

app.MapShopSync();
await app.RunAsync();
return 0;
