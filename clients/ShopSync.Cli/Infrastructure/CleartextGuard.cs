using System.Net;

namespace ShopSync.Cli.Infrastructure;

/// <summary>
/// The CLI never sends a credential (a key or token) in cleartext beyond this machine: over http:// only to a loopback
/// host; anywhere else it needs https://.
/// </summary>
internal static class CleartextGuard
{
    /// <summary>The environment variable a credential may come from (besides a <c>--token</c> option).</summary>
    public const string TokenVariable = "SHOPSYNC_TOKEN";

    /// <summary>The option a credential may come from, when the CLI has one.</summary>
    public const string TokenOption = "--token";

    /// <summary>Throws a usage error when a credential would travel in cleartext to another host.</summary>
    public static void Check(Uri address, bool hasCredential)
    {
        if (hasCredential && address.Scheme == Uri.UriSchemeHttp && !IsLoopback(address))
        {
            throw CliException.Usage(
                $"--server {address.GetLeftPart(UriPartial.Authority)}: refusing to send a credential in cleartext to a host other than this machine; " +
                "use an https:// address (and --ca FILE for a private CA)");
        }
    }

    /// <summary>localhost, 127.0.0.0/8 or ::1.</summary>
    public static bool IsLoopback(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
