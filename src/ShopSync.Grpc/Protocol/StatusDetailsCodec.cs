using Google.Protobuf;

namespace ShopSync.Grpc.Protocol;

/// <summary>The <c>grpc-status-details-bin</c> trailer: a serialized google.rpc.Status, base64 on the wire.</summary>
internal static class StatusDetailsCodec
{
    /// <summary>Encodes details, aligning their code and message with the call status (as the rich error model asks).</summary>
    public static string Encode(Google.Rpc.Status details, Status status)
    {
        var aligned = details.Clone();
        aligned.Code = (int)status.StatusCode;
        aligned.Message = status.Detail;
        return MetadataHeaders.EncodeBase64Unpadded(aligned.ToByteArray());
    }

    public static Google.Rpc.Status? TryDecode(string? headerValue)
    {
        if (headerValue is null || !MetadataHeaders.TryDecodeBase64(headerValue.Trim(), out var bytes))
        {
            return null;
        }
        try
        {
            return Google.Rpc.Status.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }
}
