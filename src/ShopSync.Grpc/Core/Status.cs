namespace ShopSync.Grpc;

/// <summary>The outcome of a call: a status code and a human-readable detail (sent as <c>grpc-message</c>).</summary>
/// <param name="StatusCode">The status code.</param>
/// <param name="Detail">The message; empty when there is none.</param>
public readonly record struct Status(StatusCode StatusCode, string Detail)
{
    /// <summary>The status of a successful call.</summary>
    public static readonly Status DefaultSuccess = new(StatusCode.OK, string.Empty);

    /// <inheritdoc />
    public override string ToString() => $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\")";
}
