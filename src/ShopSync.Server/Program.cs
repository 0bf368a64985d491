using ShopSync.Server.Hosting;

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
catch (Exception e)
{
    return StartupFailure.Report(e, args, Console.Error);
}

await app.WaitForShutdownAsync();
await app.DisposeAsync();
return 0;
