using System.CommandLine;

namespace ShopSync.Cli.Infrastructure;

/// <summary>Options every command accepts.</summary>
internal static class GlobalOptions
{
    public const string DefaultServer = "http://127.0.0.1:5000";

    public static readonly Option<string?> Server = new("--server")
    {
        Description = $"The server address (default: $SHOPSYNC_SERVER or {DefaultServer})",
        Recursive = true,
        HelpName = "url",
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Machine-readable output: one JSON document (JSON lines for streams)",
        Recursive = true,
    };

    public static readonly Option<string?> User = new("--user")
    {
        Description = "Sent as x-shopsync-user (default: $SHOPSYNC_USER or the login name)",
        Recursive = true,
    };

    public static readonly Option<string?> Ca = new("--ca")
    {
        Description = "PEM file of the CA that issued an https:// server's certificate (default: $SHOPSYNC_CA, else the system's trust store)",
        Recursive = true,
        HelpName = "file",
    };
}
