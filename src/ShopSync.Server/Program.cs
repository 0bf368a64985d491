using ShopSync.Server.Hosting;

var builder = WebApplication.CreateBuilder(ServerCommandLine.Normalize(args));
builder.AddShopSyncServer();

var app = builder.Build();
await app.PrepareShopSyncAsync(app.Lifetime.ApplicationStopping);
app.MapShopSync();
await app.RunAsync();
