using System.Buffers;
using System.Text;

namespace ShopSync.Grpc.Protocol;

/// <summary>Percent-encoding of <c>grpc-message</c>: UTF-8, then bytes outside 0x20–0x7E and '%' become %XX.</summary>
internal static class PercentEncoding
{
    public static string Encode(string value)
    {
        if (!NeedsEncoding(value))
        {
            return value;
        }
        var maxBytes = Encoding.UTF8.GetMaxByteCount(value.Length);
        var rented = ArrayPool<byte>.Shared.Rent(maxBytes);
        try
        {
            var count = Encoding.UTF8.GetBytes(value, rented);
            var builder = new StringBuilder(count * 3);
            for (var i = 0; i < count; i++)
            {
                var b = rented[i];
                if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
                {
                    builder.Append((char)b);
                }
                else
                {
                    builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            return builder.ToString();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Decodes; never fails: a malformed escape is kept as is, invalid UTF-8 becomes U+FFFD.</summary>
    public static string Decode(string value)
    {
        if (!value.Contains('%'))
        {
            return value;
        }
        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                bytes.Add((byte)((HexValue(value[i + 1]) << 4) | HexValue(value[i + 2])));
                i += 2;
            }
            else if (c < 0x80)
            {
                bytes.Add((byte)c);
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool NeedsEncoding(string value)
    {
        foreach (var c in value)
        {
            if (c < 0x20 || c > 0x7E || c == '%')
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
