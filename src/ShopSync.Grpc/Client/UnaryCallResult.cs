namespace ShopSync.Grpc.Client;

/// <summary>A successful unary call with its metadata.</summary>
/// <param name="Response">The response message.</param>
/// <param name="ResponseHeaders">The server's initial metadata.</param>
/// <param name="Trailers">The server's trailing metadata.</param>
/// <param name="Status">The final status (OK).</param>
public sealed record UnaryCallResult<TResponse>(TResponse Response, Metadata ResponseHeaders, Metadata Trailers, Status Status);
