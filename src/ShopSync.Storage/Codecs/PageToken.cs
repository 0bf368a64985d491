using System.Buffers.Binary;

namespace ShopSync.Storage.Codecs;

/// <summary>Opaque keyset page tokens: the last key of the previous page, base64url-encoded.</summary>
internal static class PageToken
{
    public static string Encode(long lastKey)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, lastKey);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The key, or null when the token is empty; throws on garbage.</summary>
    public static long? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        Span<byte> bytes = stackalloc byte[16];
        if (!Convert.TryFromBase64String(base64, bytes, out var written) || written != 8)
        {
            throw new Queue.Errors.JobValidationException("page_token", "is not a token this server issued.");
        }

        return BinaryPrimitives.ReadInt64BigEndian(bytes);
    }
}
