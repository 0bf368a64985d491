using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopSync.Grpc.Health;
using ShopSync.Grpc.Reflection;
using ShopSync.Grpc.Server.Internal;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ShopSync.Grpc.Server;

/// <summary>Maps gRPC services onto endpoint routing.</summary>
public static class GrpcEndpointRouteBuilderExtensions
{
    private const string LoggerCategory = "ShopSync.Grpc.Server";
    private static readonly string[] PostOnly = ["POST"];

    /// <summary>
    /// Maps every RPC of <typeparamref name="TService"/>'s descriptor to <c>POST /package.Service/Method</c>, marks the
    /// service SERVING in the health registry and lists it in reflection. Fails if a method signature does not fit.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcService<TService>(this IEndpointRouteBuilder endpoints)
        where TService : class, IGrpcService
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var provider = endpoints.ServiceProvider;
        var registry = provider.GetService<GrpcServiceRegistry>()
            ?? throw new InvalidOperationException("Call services.AddShopSyncGrpc() before mapping gRPC services.");
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory);
        var options = provider.GetRequiredService<IOptions<GrpcServerOptions>>().Value;
        var services = new ServerCallHandlerServices(options, options.DeadlineClock, logger);

        var descriptor = TService.Descriptor
            ?? throw new InvalidOperationException($"{typeof(TService).FullName}.Descriptor returned null.");
        registry.Add(descriptor);
        var builders = new List<IEndpointConventionBuilder>();
        foreach (var (method, handler) in GrpcServiceBinder.Bind<TService>(descriptor, services))
        {
            RequestDelegate requestDelegate;
            if (handler is null)
            {
                logger.MethodWithoutHandler(method.Path, typeof(TService).FullName!);
                requestDelegate = new UnimplementedCallHandler("Method is unimplemented.", logger).HandleAsync;
            }
            else
            {
                requestDelegate = handler.HandleAsync;
            }
            builders.Add(endpoints.Map(method.Path, requestDelegate)
                .WithMetadata(new HttpMethodMetadata(PostOnly), new GrpcMethodMetadata(typeof(TService), method.Descriptor))
                .WithDisplayName($"gRPC {method.Path}"));
        }
        endpoints.Map($"/{descriptor.FullName}/{{method}}", new UnimplementedCallHandler("Method is unimplemented.", logger).HandleAsync)
            .WithMetadata(new HttpMethodMetadata(PostOnly))
            .WithDisplayName($"gRPC unimplemented method of {descriptor.FullName}");
        MapFallback(endpoints, registry, logger);

        provider.GetRequiredService<GrpcHealthRegistry>().SetStatus(descriptor.FullName, ServingStatus.Serving);
        logger.ServiceMapped(descriptor.FullName, typeof(TService).FullName!, descriptor.Methods.Count);
        return new CompositeEndpointConventionBuilder(builders);
    }

    /// <summary>Maps grpc.health.v1.Health and server reflection (v1 and v1alpha), which lists every mapped service.</summary>
    public static IEndpointConventionBuilder MapGrpcHealthAndReflection(this IEndpointRouteBuilder endpoints)
    {
        var builders = new List<IEndpointConventionBuilder>
        {
            endpoints.MapGrpcService<HealthService>(),
            endpoints.MapGrpcService<ReflectionServiceV1>(),
            endpoints.MapGrpcService<ReflectionServiceV1Alpha>(),
        };
        return new CompositeEndpointConventionBuilder(builders);
    }

    private static void MapFallback(IEndpointRouteBuilder endpoints, GrpcServiceRegistry registry, ILogger logger)
    {
        if (registry.FallbackMapped)
        {
            return;
        }
        registry.FallbackMapped = true;
        endpoints.Map("/{service}/{method}", new UnimplementedCallHandler("Service is unimplemented.", logger).HandleAsync)
            .WithMetadata(new HttpMethodMetadata(PostOnly))
            .WithDisplayName("gRPC unimplemented service");
    }
}
