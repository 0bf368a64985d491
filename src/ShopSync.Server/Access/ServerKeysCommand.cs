using System.Globalization;
using ShopSync.Server.Access.Keys;
using ShopSync.Server.Hosting;

namespace ShopSync.Server.Access;

/// <summary>
/// <c>shopsync-server keys create --role ROLE --name NAME [--shop CODE]… [--expires 30d|2027-01-31] [--db FILE | --postgres CONNECTION]</c>:
/// the bootstrap. Writes a key straight to the database (no server needed) and prints its secret once, as the last line.
/// </summary>
internal static class ServerKeysCommand
{
    public const string Usage = "usage: shopsync-server keys create --role admin|operator|viewer|erp-client --name NAME [--shop CODE]... [--expires 30d|12h|2027-01-31] [--db FILE | --postgres CONNECTION]";

    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "keys";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Length < 2 || args[1] != "create")
        {
            await error.WriteLineAsync("shopsync-server keys: " + Usage);
            return 2;
        }
        string? role = null, name = null, expires = null;
        var shops = new List<string>();
        var rest = new List<string>();
        for (var i = 2; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--role" when value is not null: role = value; i++; break;
                case "--name" when value is not null: name = value; i++; break;
                case "--shop" when value is not null: shops.Add(value); i++; break;
                case "--expires" when value is not null: expires = value; i++; break;
                case "--role" or "--name" or "--shop" or "--expires":
                    await error.WriteLineAsync($"shopsync-server keys create: {args[i]} needs a value; {Usage}");
                    return 2;
                default: rest.Add(args[i]); break;
            }
        }
        if (role is null || name is null)
        {
            await error.WriteLineAsync($"shopsync-server keys create: --role and --name are required; {Usage}");
            return 2;
        }
        var now = TimeProvider.System.GetUtcNow();
        if (ParseExpiry(expires, now) is not { } expiresAt && expires is not null)
        {
            await error.WriteLineAsync($"shopsync-server keys create: --expires: \"{expires}\" is neither a duration (30d, 12h, 90m) nor a UTC date (2027-01-31)");
            return 2;
        }
        StorageSelection storage;
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(ServerCommandLine.Normalize([.. rest])).Build();
            storage = StorageSelection.Resolve(configuration);
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync("shopsync-server keys create: " + e.Message);
            return 2;
        }
        // With --postgres the key goes where every node reads keys; else into the SQLite file.
        await using var postgres = storage.PostgresConnectionString is { } connection ? Npgsql.NpgsqlDataSource.Create(connection) : null;
        IApiKeyStore store = postgres is null ? new SqliteApiKeyStore(storage.SqliteConnectionString) : new PostgresApiKeyStore(postgres);
        try
        {
            await store.InitializeAsync(cancellationToken);
            var (key, secret) = await ApiKeyIssuer.CreateAsync(
                store, name, role, shops, ParseExpiry(expires, now), "shopsync-server keys create", now, cancellationToken);
            var scope = key.Shops.Count == 0 ? "every shop" : "shops " + string.Join(", ", key.Shops);
            var until = key.ExpiresAt is { } e ? "expires " + e.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) : "never expires";
            await output.WriteLineAsync($"Created API key {key.Id} '{key.Name}': role {key.Role}, {scope}, {until}.");
            await output.WriteLineAsync("Keep it now: it is shown only once (the server stores its hash). Use it as shopsync --token-file FILE or SHOPSYNC_TOKEN.");
            await output.WriteLineAsync(secret);
            return 0;
        }
        catch (ApiKeyFieldException e)
        {
            await error.WriteLineAsync($"shopsync-server keys create: --{(e.Field == "expires_at" ? "expires" : e.Field == "shops" ? "shop" : e.Field)}: {e.Description}");
            return 2;
        }
        catch (ApiKeyNameTakenException e)
        {
            await error.WriteLineAsync("shopsync-server keys create: --name: " + e.Message);
            return 2;
        }
    }

    internal static DateTimeOffset? ParseExpiry(string? text, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        text = text.Trim();
        if (text.Length > 1 && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            TimeSpan? span = text[^1] switch
            {
                'd' => TimeSpan.FromDays(amount),
                'h' => TimeSpan.FromHours(amount),
                'm' => TimeSpan.FromMinutes(amount),
                _ => null,
            };
            if (span is { } s)
            {
                return now + s;
            }
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
    }
}
