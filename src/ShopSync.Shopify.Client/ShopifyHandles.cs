using System.Text;

namespace ShopSync.Shopify.Client;

/// <summary>
/// The handle Shopify gives a new product: its title lower-cased, every run of other characters than letters and digits
/// turned into one '-', trimmed of '-'. Shopify appends "-1", "-2"… when the handle is taken; callers that look a product
/// up by handle must allow for that.
/// </summary>
public static class ShopifyHandles
{
    /// <summary>The handle of <paramref name="title"/>, before any suffix that makes it unique.</summary>
    public static string FromTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var handle = new StringBuilder(title.Length);
        foreach (var c in title.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                handle.Append(c);
            }
            else if (handle.Length > 0 && handle[^1] != '-')
            {
                handle.Append('-');
            }
        }

        return handle.ToString().TrimEnd('-');
    }
}
