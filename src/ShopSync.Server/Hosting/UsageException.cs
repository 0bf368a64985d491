namespace ShopSync.Server.Hosting;

/// <summary>A command line or configuration the server cannot make sense of: one line on stderr, exit code 2.</summary>
internal sealed class UsageException(string message) : ArgumentException(message)
{
    /// <summary>The exit code of a usage error.</summary>
    public const int ExitCode = 2;
}
