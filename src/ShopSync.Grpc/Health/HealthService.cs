using Google.Protobuf.Reflection;
using Grpc.Health.V1;
using Microsoft.Extensions.Hosting;
using ShopSync.Grpc.Server;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ShopSync.Grpc.Health;

/// <summary>grpc.health.v1.Health over <see cref="GrpcHealthRegistry"/> (grpc/grpc doc/health-checking.md).</summary>
internal sealed class HealthService(GrpcHealthRegistry registry, IHostApplicationLifetime lifetime) : IGrpcService
{
    private const int MaxListedServices = 100;

    public static ServiceDescriptor Descriptor => HealthReflection.Descriptor.Services[0];

    public Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        if (!registry.TryGetStatus(request.Service, out var status))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"Service '{request.Service}' is unknown."));
        }
        return Task.FromResult(new HealthCheckResponse { Status = status });
    }

    public Task<HealthListResponse> List(HealthListRequest request, ServerCallContext context)
    {
        var statuses = registry.GetAll();
        if (statuses.Count > MaxListedServices)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"More than {MaxListedServices} services are registered."));
        }
        var response = new HealthListResponse();
        foreach (var (service, status) in statuses)
        {
            response.Statuses[service] = new HealthCheckResponse { Status = status };
        }
        return Task.FromResult(response);
    }

    public async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responses, ServerCallContext context)
    {
        using var subscription = registry.Watch(request.Service);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        try
        {
            while (await subscription.Reader.WaitToReadAsync(stopping.Token).ConfigureAwait(false))
            {
                await WriteLatestAsync(subscription, responses, context.CancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            // Shutting down: tell the watcher NOT_SERVING, then end the call so the host can stop.
            await responses.WriteAsync(new HealthCheckResponse { Status = ServingStatus.NotServing }, context.CancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteLatestAsync(HealthSubscription subscription, IServerStreamWriter<HealthCheckResponse> responses, CancellationToken cancellationToken)
    {
        while (subscription.Reader.TryRead(out var status))
        {
            await responses.WriteAsync(new HealthCheckResponse { Status = status }, cancellationToken).ConfigureAwait(false);
        }
    }
}
