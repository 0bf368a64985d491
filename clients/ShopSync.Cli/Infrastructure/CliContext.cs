using System.CommandLine;
using ShopSync.Client;

namespace ShopSync.Cli.Infrastructure;

/// <summary>One command's invocation: its parse result, console, interrupt token and (lazily) the client.</summary>
internal sealed class CliContext : IDisposable
{
    private ShopSyncClient? _client;

    public CliContext(ParseResult parseResult, CliConsole console, CancellationToken interrupt)
    {
        ParseResult = parseResult;
        Console = console;
        Interrupt = interrupt;
        Json = parseResult.GetValue(GlobalOptions.Json);
        Output = new CliOutput(console, Json);
    }

    public ParseResult ParseResult { get; }

    public CliConsole Console { get; }

    /// <summary>Cancelled by Ctrl+C.</summary>
    public CancellationToken Interrupt { get; }

    public bool Json { get; }

    public CliOutput Output { get; }

    public Uri ServerAddress
    {
        get
        {
            var text = ParseResult.GetValue(GlobalOptions.Server) ?? Console.Environment("SHOPSYNC_SERVER") ?? GlobalOptions.DefaultServer;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw CliException.Usage($"--server: '{text}' is not an http:// or https:// address");
            }
            return uri;
        }
    }

    public ShopSyncClient Client => _client ??= ShopSyncClient.Create(new ShopSyncClientOptions
    {
        Address = ServerAddress,
        User = ParseResult.GetValue(GlobalOptions.User) ?? Console.Environment("SHOPSYNC_USER") ?? Environment.UserName,
        ApiKey = TokenSource.Resolve(ParseResult.GetValue(GlobalOptions.Token), ParseResult.GetValue(GlobalOptions.TokenFile), Console.Environment),
        DefaultTimeout = TimeSpan.FromSeconds(30),
        // An operator waits for an answer: a short retry, then a clear "server unavailable".
        Retry = new ShopSyncRetryPolicy { MaxAttempts = 3 },
    });

    public T Get<T>(Option<T> option) => ParseResult.GetValue(option)!;

    public T Get<T>(Argument<T> argument) => ParseResult.GetValue(argument)!;

    public void Dispose() => _client?.Dispose();
}
