using System.Globalization;
using System.Text;

namespace ShopSync.Shopify.Sandbox;

/// <summary>Opaque cursors: base64url of the position and id of the record they point at.</summary>
internal static class GqlCursor
{
    public static string Encode(int offset, string? id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"offset\":{offset},\"last_id\":\"{id}\"}}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The position to continue after; the id wins over the offset when the record moved.</summary>
    public static int? Decode(string cursor, Func<string, int> indexOfId)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            using var document = System.Text.Json.JsonDocument.Parse(Convert.FromBase64String(padded));
            var offset = document.RootElement.GetProperty("offset").GetInt32();
            var id = document.RootElement.GetProperty("last_id").GetString();
            var byId = string.IsNullOrEmpty(id) ? -1 : indexOfId(id);
            return byId >= 0 ? byId : offset;
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
