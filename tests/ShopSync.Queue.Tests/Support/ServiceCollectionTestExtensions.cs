using Microsoft.Extensions.DependencyInjection;
using ShopSync.Queue.Handlers;

namespace ShopSync.Queue.Tests.Support;

internal static class ServiceCollectionTestExtensions
{
    public static IServiceCollection AddReportHandler(this IServiceCollection services, IReportHandler handler) =>
        services.AddSingleton(handler);
}
