using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
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

    public ShopSyncClient Client => _client ??= CreateClient();

    /// <summary>Whether a credential is given: <c>$SHOPSYNC_TOKEN</c> or a <c>--token</c> option (when the CLI has one).</summary>
    public bool HasCredential =>
        !string.IsNullOrEmpty(Console.Environment(CleartextGuard.TokenVariable))
        || (TokenOption() is { } token && ParseResult.GetResult(token) is System.CommandLine.Parsing.OptionResult { Implicit: false, Tokens.Count: > 0 });

    /// <summary>The <c>--token</c> option of this command or a parent, if the CLI defines one.</summary>
    private Option? TokenOption()
    {
        for (var result = ParseResult.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (result.Command.Options.FirstOrDefault(o => o.Name == CleartextGuard.TokenOption) is { } option)
            {
                return option;
            }
        }
        return null;
    }

    private ShopSyncClient CreateClient()
    {
        var address = ServerAddress;
        CleartextGuard.Check(address, HasCredential);
        return ShopSyncClient.Create(Options(address));
    }

    private X509Certificate2Collection? TrustedAuthorities()
    {
        if ((ParseResult.GetValue(GlobalOptions.Ca) ?? Console.Environment("SHOPSYNC_CA")) is not { Length: > 0 } file)
        {
            return null;
        }
        if (!File.Exists(file))
        {
            throw CliException.Usage($"--ca {file}: no such file");
        }
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(file);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw CliException.Usage($"--ca {file}: not a PEM certificate file ({e.Message})");
        }
        return authorities.Count > 0 ? authorities : throw CliException.Usage($"--ca {file}: holds no PEM certificate");
    }

    private ShopSyncClientOptions Options(Uri address) => new()
    {
        Address = address,
        TrustedCertificateAuthorities = TrustedAuthorities(),
        User = ParseResult.GetValue(GlobalOptions.User) ?? Console.Environment("SHOPSYNC_USER") ?? Environment.UserName,
        ApiKey = TokenSource.Resolve(ParseResult.GetValue(GlobalOptions.Token), ParseResult.GetValue(GlobalOptions.TokenFile), Console.Environment),
        DefaultTimeout = TimeSpan.FromSeconds(30),
        // An operator waits for an answer: a short retry, then a clear "server unavailable".
        Retry = new ShopSyncRetryPolicy { MaxAttempts = 3 },
    };

    public T Get<T>(Option<T> option) => ParseResult.GetValue(option)!;

    public T Get<T>(Argument<T> argument) => ParseResult.GetValue(argument)!;

    public void Dispose() => _client?.Dispose();
}
