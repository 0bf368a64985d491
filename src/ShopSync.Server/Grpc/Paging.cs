using System.Buffers.Text;
using System.Text;

namespace ShopSync.Server.Grpc;

/// <summary>Page sizes and opaque page tokens of the List RPCs (AIP-158 style).</summary>
internal static class Paging
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    /// <summary>0 → the default; above the maximum → the maximum; negative → INVALID_ARGUMENT.</summary>
    public static int PageSize(int requested, string field = "page_size")
    {
        if (requested < 0)
        {
            throw RpcErrors.InvalidArgument(field, $"must not be negative (got {requested})");
        }
        return requested == 0 ? DefaultPageSize : Math.Min(requested, MaxPageSize);
    }

    public static string Encode(string position) =>
        position.Length == 0 ? "" : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(position));

    /// <summary>The position a token stands for; "" for no token. A token we did not issue is INVALID_ARGUMENT.</summary>
    public static string Decode(string token, string field = "page_token")
    {
        if (token.Length == 0)
        {
            return "";
        }
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw RpcErrors.InvalidArgument(field, "is not a page token this server issued; pass next_page_token from the previous response");
        }
    }
}
