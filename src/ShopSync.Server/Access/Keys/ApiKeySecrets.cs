using System.Security.Cryptography;
using System.Text;

namespace ShopSync.Server.Access.Keys;

/// <summary>
/// Makes and hashes API keys: <c>ssk_</c> and 43 base64url characters (32 random bytes, 256 bits). A key has that
/// much entropy, so one unsalted SHA-256 is enough to keep a stolen database from yielding usable keys (a slow
/// password hash would only cost every call time).
/// </summary>
internal static class ApiKeySecrets
{
    public const string Prefix = "ssk_";

    private const int SecretBytes = 32;

    public static string NewSecret() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));

    public static string NewId() => "key_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>Whether a bearer value has the shape of a ShopSync key (so other tokens are not looked up).</summary>
    public static bool LooksLikeKey(string value) => value.StartsWith(Prefix, StringComparison.Ordinal) && value.Length == Prefix.Length + 43;

    public static string Hash(string secret)
    {
        Span<byte> utf8 = stackalloc byte[128];
        var length = Encoding.UTF8.GetBytes(secret.AsSpan(0, Math.Min(secret.Length, 64)), utf8);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(utf8[..length], hash);
        return Convert.ToHexStringLower(hash);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
