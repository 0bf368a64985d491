namespace ShopSync.Cli.Infrastructure;

/// <summary>
/// The credential the CLI sends: <c>--token</c>, else <c>--token-file</c>, else <c>$SHOPSYNC_TOKEN</c>. A token file
/// that its group or other users can read is refused (the key would be as good as theirs).
/// </summary>
internal static class TokenSource
{
    public static string? Resolve(string? token, string? tokenFile, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(token))
        {
            return token.Trim();
        }
        if (!string.IsNullOrWhiteSpace(tokenFile))
        {
            return ReadFile(tokenFile);
        }
        return environment("SHOPSYNC_TOKEN") is { Length: > 0 } fromEnvironment ? fromEnvironment.Trim() : null;
    }

    internal static string ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw CliException.Usage($"--token-file: {path} does not exist");
        }
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
            {
                throw CliException.Usage($"--token-file: {path} can be read or written by other users; run chmod 600 {path}");
            }
        }
        var text = File.ReadAllText(path).Trim();
        return text.Length > 0 ? text : throw CliException.Usage($"--token-file: {path} is empty");
    }
}
