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
        Description = "Sent as x-shopsync-user, recorded as 'on behalf of' for erp-client keys (default: $SHOPSYNC_USER or the login name)",
        Recursive = true,
    };

    public static readonly Option<string?> Token = new("--token")
    {
        Description = "API key or token, sent as authorization: Bearer (default: $SHOPSYNC_TOKEN); prefer --token-file, a command line is visible to other users",
        Recursive = true,
        HelpName = "key",
    };

    public static readonly Option<string?> TokenFile = new("--token-file")
    {
        Description = "Read the API key or token from a file only its owner can read (chmod 600)",
        Recursive = true,
        HelpName = "file",
    };

    public static readonly Option<string?> Ca = new("--ca")
    {
        Description = "PEM file of the CA that issued an https:// server's certificate (default: $SHOPSYNC_CA, else the system's trust store)",
        Recursive = true,
        HelpName = "file",
    };
}
