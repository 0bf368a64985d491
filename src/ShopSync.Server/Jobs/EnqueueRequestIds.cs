using System.Security.Cryptography;
using Google.Protobuf;
using ShopSync.Queue.Entries;
using ShopSync.Server.Grpc;

namespace ShopSync.Server.Jobs;

/// <summary>
/// AIP-155 request ids of EnqueueJob and EnqueueJobs: a UUID, compared in canonical form, and a hash of the request
/// without its id (SHA-256 of the protobuf encoding, which is deterministic for one message in one build), so a reused id
/// with another request is refused instead of answering with entries that were queued for something else.
/// </summary>
internal static class EnqueueRequestIds
{
    /// <summary>The canonical id, or null when none was sent.</summary>
    public static string? Parse(string value, string field = "request_id")
    {
        if (value.Length == 0)
        {
            return null;
        }

        return Guid.TryParse(value, out var id) && id != Guid.Empty
            ? id.ToString("D")
            : throw RpcErrors.InvalidArgument(field, $"\"{RequestLimits.Quote(value)}\" is not a UUID (e.g. 3f1c0a4e-8b5d-4c1e-9a57-2f6d8e0b7c41)");
    }

    /// <summary>The hash of <paramref name="request"/> as <paramref name="method"/> received it, its request_id left out.</summary>
    public static byte[] Hash<T>(string method, T request, Action<T> clearId)
        where T : IMessage<T>
    {
        var copy = request.Clone();
        clearId(copy);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(method));
        hash.AppendData(copy.ToByteArray());
        return hash.GetHashAndReset();
    }
}
