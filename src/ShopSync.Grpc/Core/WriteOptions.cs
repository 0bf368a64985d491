namespace ShopSync.Grpc;

/// <summary>Options for writing a message.</summary>
/// <param name="NoCompress">When true the message is sent uncompressed even if the call uses compression.</param>
public sealed record WriteOptions(bool NoCompress = false)
{
    /// <summary>Write without compression (per message).</summary>
    public static readonly WriteOptions NoCompression = new(NoCompress: true);
}
