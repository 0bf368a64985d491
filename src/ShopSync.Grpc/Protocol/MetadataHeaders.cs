namespace ShopSync.Grpc.Protocol;

/// <summary>Converts between HTTP/2 header fields and <see cref="Metadata"/> (base64 for <c>-bin</c> keys).</summary>
internal static class MetadataHeaders
{
    /// <summary>Adds one header field's value(s) as metadata; protocol headers and undecodable values are skipped.</summary>
    public static void AddHeader(Metadata metadata, string name, string? value)
    {
        if (value is null || GrpcProtocol.IsReservedHeader(name))
        {
            return;
        }
        try
        {
            if (Metadata.IsBinaryKey(name))
            {
                // Duplicate binary headers may arrive joined with ',' — each part is its own base64 value.
                foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (TryDecodeBase64(part, out var bytes))
                    {
                        metadata.Add(name, bytes);
                    }
                }
            }
            else
            {
                metadata.Add(name, value.Trim());
            }
        }
        catch (ArgumentException)
        {
            // A header name or value that is not valid gRPC metadata is not user metadata: leave it out.
        }
    }

    /// <summary>The header value for an entry: text as is, bytes as unpadded base64.</summary>
    public static string ToHeaderValue(Metadata.Entry entry) =>
        entry.IsBinary ? EncodeBase64Unpadded(entry.ValueBytes) : entry.Value;

    public static string EncodeBase64Unpadded(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    /// <summary>Decodes padded or unpadded base64.</summary>
    public static bool TryDecodeBase64(string value, out byte[] bytes)
    {
        var padded = (value.Length % 4) switch
        {
            2 => value + "==",
            3 => value + "=",
            _ => value,
        };
        var buffer = new byte[padded.Length / 4 * 3];
        if (Convert.TryFromBase64String(padded, buffer, out var written))
        {
            bytes = written == buffer.Length ? buffer : buffer[..written];
            return true;
        }
        bytes = [];
        return false;
    }
}
