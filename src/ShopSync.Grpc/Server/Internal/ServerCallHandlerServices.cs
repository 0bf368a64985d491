using Microsoft.Extensions.Logging;

namespace ShopSync.Grpc.Server.Internal;

/// <summary>What every call handler shares.</summary>
internal sealed record ServerCallHandlerServices(GrpcServerOptions Options, TimeProvider TimeProvider, ILogger Logger);
