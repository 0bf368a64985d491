using Microsoft.Extensions.DependencyInjection;
using ShopSync.Connector.Erp;

namespace ShopSync.Server.Tests.Sync;

internal static class SyncServerExtensions
{
    public static ErpBook Book(this SyncTestServer server) => server.Services.GetRequiredService<ErpBook>();

    public static int Mutations(this SyncTestServer server, string operation) =>
        server.Store.Requests.Count(r => r.OperationName == operation && r.Status == 200);
}
