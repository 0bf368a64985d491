using System.CommandLine;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using ShopSync.Cli.Infrastructure;
using ShopSync.Contracts.V1;
using Spectre.Console;

namespace ShopSync.Cli.Commands;

/// <summary><c>shopsync whoami</c> and <c>shopsync keys create|list|revoke</c> (admins).</summary>
internal static class AccessCommands
{
    private static readonly Option<string> Role = new("--role") { Description = "viewer, operator, admin or erp-client", Required = true };
    private static readonly Option<string> Name = new("--name") { Description = "The key's name (letters, digits, '.', '_', '-')", Required = true };
    private static readonly Option<string[]> Shops = new("--shop") { Description = "Limit the key to this shop (repeatable; none = every shop)", HelpName = "code" };
    private static readonly Option<string?> Expires = new("--expires") { Description = "Expiry: a duration (30d, 12h, 90m) or a UTC date/time (2027-01-31)", HelpName = "when" };
    private static readonly Option<bool> All = new("--all") { Description = "Also list revoked keys" };
    private static readonly Argument<string> Key = new("key") { Description = "The key's id (key_…) or name" };

    public static Command BuildWhoAmI(CommandHandlers handlers)
    {
        var whoami = new Command("whoami", "Who the server takes you for: principal, role and shops");
        handlers.Set(whoami, WhoAmIAsync);
        return whoami;
    }

    public static Command BuildKeys(CommandHandlers handlers)
    {
        var keys = new Command("keys", "API keys (admins): create, list, revoke");
        var create = new Command("create", "Create an API key; its secret is printed once, as the last line") { Role, Name, Shops, Expires };
        handlers.Set(create, CreateAsync);
        keys.Subcommands.Add(create);
        var list = new Command("list", "List API keys (never their secrets)") { All };
        handlers.Set(list, ListAsync);
        keys.Subcommands.Add(list);
        var revoke = new Command("revoke", "Revoke a key at once") { Key };
        handlers.Set(revoke, RevokeAsync);
        keys.Subcommands.Add(revoke);
        return keys;
    }

    private static async Task<int> WhoAmIAsync(CliContext c)
    {
        var me = await c.Client.Access.WhoAmIAsync(cancellationToken: c.Interrupt);
        if (c.Json)
        {
            c.Output.Json(me);
            return ExitCodes.Ok;
        }
        c.Output.Line($"principal: {me.Principal}");
        c.Output.Line($"role:      {me.Role}");
        c.Output.Line($"shops:     {(me.Shops.Count == 0 ? "all" : string.Join(", ", me.Shops))}");
        c.Output.Line($"via:       {me.Authentication}{(me.OnBehalfOf.Length > 0 ? $" (on behalf of {me.OnBehalfOf})" : "")}");
        return ExitCodes.Ok;
    }

    private static async Task<int> CreateAsync(CliContext c)
    {
        var request = new CreateApiKeyRequest { Name = c.Get(Name), Role = c.Get(Role) };
        request.Shops.AddRange(c.ParseResult.GetValue(Shops) ?? []);
        if (c.ParseResult.GetValue(Expires) is { } expires)
        {
            request.ExpiresAt = Timestamp.FromDateTimeOffset(ParseExpiry(expires));
        }
        var created = await c.Client.Access.CreateApiKeyAsync(request, cancellationToken: c.Interrupt);
        if (c.Json)
        {
            c.Output.Json(created);
            return ExitCodes.Ok;
        }
        var key = created.Key;
        c.Output.Line($"Created API key {key.Id} '{key.Name}': role {key.Role}, {Scope(key)}, {(key.ExpiresAt is null ? "never expires" : "expires " + Format.Time(key.ExpiresAt))}.");
        c.Output.Line("Keep it now: it is shown only once.");
        c.Output.Line(created.Secret);
        return ExitCodes.Ok;
    }

    private static async Task<int> ListAsync(CliContext c)
    {
        var reply = await c.Client.Access.ListApiKeysAsync(new ListApiKeysRequest { IncludeRevoked = c.Get(All) }, cancellationToken: c.Interrupt);
        if (c.Json)
        {
            c.Output.Json(reply);
            return ExitCodes.Ok;
        }
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Id", "Name", "Role", "Shops", "Expires", "Last used", "Revoked");
        foreach (var k in reply.Keys)
        {
            table.AddRow(
                Markup.Escape(k.Id), Markup.Escape(k.Name), k.Role, Markup.Escape(Scope(k)),
                Format.Time(k.ExpiresAt), Format.Time(k.LastUsedAt), Format.Time(k.RevokedAt));
        }
        c.Output.Render(table);
        return ExitCodes.Ok;
    }

    private static async Task<int> RevokeAsync(CliContext c)
    {
        var reply = await c.Client.Access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Key = c.Get(Key) }, cancellationToken: c.Interrupt);
        if (c.Json)
        {
            c.Output.Json(reply);
            return ExitCodes.Ok;
        }
        c.Output.Line($"Revoked API key {reply.Key.Id} '{reply.Key.Name}' at {Format.Time(reply.Key.RevokedAt)}.");
        return ExitCodes.Ok;
    }

    private static string Scope(ApiKeyInfo key) => key.Shops.Count == 0 ? "every shop" : "shops " + string.Join(", ", key.Shops);

    private static DateTimeOffset ParseExpiry(string text)
    {
        var now = TimeProvider.System.GetUtcNow();
        text = text.Trim();
        if (text.Length > 1 && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            switch (text[^1])
            {
                case 'd': return now.AddDays(amount);
                case 'h': return now.AddHours(amount);
                case 'm': return now.AddMinutes(amount);
            }
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : throw CliException.Usage($"--expires: \"{text}\" is neither a duration (30d, 12h, 90m) nor a UTC date (2027-01-31)");
    }
}
