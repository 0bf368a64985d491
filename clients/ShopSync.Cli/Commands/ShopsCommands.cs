using System.CommandLine;
using Google.Protobuf.WellKnownTypes;
using ShopSync.Cli.Infrastructure;
using ShopSync.Contracts.V1;
using Spectre.Console;

namespace ShopSync.Cli.Commands;

/// <summary><c>shopsync shops …</c>: shops and their connector settings.</summary>
internal static class ShopsCommands
{
    private static readonly Argument<string> Code = new("code") { Description = "The shop code (letters, digits, '-', '_'; at most 20)" };
    private static readonly Option<string?> Url = new("--url") { Description = "The shop's base URL (https://x.myshopify.com or a sandbox URL)" };
    private static readonly Option<string?> ApiVersion = new("--api-version") { Description = "Shopify API version, e.g. 2025-07" };
    private static readonly Option<string?> AccessToken = new("--access-token") { Description = "The Admin API access token (write-only)" };
    private static readonly Option<string?> WebhookSecret = new("--webhook-secret") { Description = "The webhook signing secret (write-only)" };
    private static readonly Option<string[]> Settings = new("--set") { Description = "Any other setting name=value, by contract field name (repeatable)", HelpName = "name=value" };
    private static readonly Argument<string[]> Assignments = new("settings") { Description = "name=value pairs by contract field name, e.g. allow_background_syncs=false", Arity = ArgumentArity.OneOrMore };

    public static Command Build(CommandHandlers handlers)
    {
        var shops = new Command("shops", "Shops and their connector settings");

        var add = new Command("add", "Create a shop") { Code, Url, ApiVersion, AccessToken, WebhookSecret, Settings };
        handlers.Set(add, AddAsync);
        shops.Subcommands.Add(add);

        var list = new Command("list", "List shops");
        handlers.Set(list, ListAsync);
        shops.Subcommands.Add(list);

        var show = new Command("show", "Show one shop's settings") { Code };
        handlers.Set(show, ShowAsync);
        shops.Subcommands.Add(show);

        var set = new Command("set", $"Change settings: {string.Join(", ", ShopFields.Settable)}") { Code, Assignments };
        handlers.Set(set, SetAsync);
        shops.Subcommands.Add(set);

        var remove = new Command("remove", "Delete a shop") { Code };
        handlers.Set(remove, RemoveAsync);
        shops.Subcommands.Add(remove);
        return shops;
    }

    private static async Task<int> AddAsync(CliContext c)
    {
        var shop = new Shop { Code = c.Get(Code) };
        shop.ShopifyUrl = c.Get(Url) ?? "";
        shop.ApiVersion = c.Get(ApiVersion) ?? "";
        shop.AccessToken = c.Get(AccessToken) ?? "";
        shop.WebhookSecret = c.Get(WebhookSecret) ?? "";
        foreach (var assignment in c.Get(Settings) ?? [])
        {
            ShopFields.Set(shop, assignment);
        }
        var created = (await c.Client.Shops.CreateShopAsync(new CreateShopRequest { Shop = shop }, cancellationToken: c.Interrupt)).Shop;
        return Print(c, created, $"shop {created.Code} created");
    }

    private static async Task<int> ListAsync(CliContext c)
    {
        var all = new ListShopsResponse();
        var token = "";
        do
        {
            var page = await c.Client.Shops.ListShopsAsync(new ListShopsRequest { PageSize = 1000, PageToken = token }, cancellationToken: c.Interrupt);
            all.Shops.AddRange(page.Shops);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        if (c.Json)
        {
            c.Output.Json(all);
            return ExitCodes.Ok;
        }
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Code", "URL", "API version", "Background syncs", "Outgoing requests", "Category", "Token");
        foreach (var s in all.Shops)
        {
            table.AddRow(
                Markup.Escape(s.Code), Markup.Escape(s.ShopifyUrl), Markup.Escape(s.ApiVersion),
                Format.Bool(s.AllowBackgroundSyncs), Format.Bool(s.AllowOutgoingRequests), Markup.Escape(s.JobQueueCategory),
                s.HasAccessToken ? "set" : "[yellow]missing[/]");
        }
        c.Output.Render(table);
        return ExitCodes.Ok;
    }

    private static async Task<int> ShowAsync(CliContext c)
    {
        var shop = (await c.Client.Shops.GetShopAsync(new GetShopRequest { Code = c.Get(Code) }, cancellationToken: c.Interrupt)).Shop;
        return Print(c, shop, null);
    }

    private static async Task<int> SetAsync(CliContext c)
    {
        var shop = new Shop { Code = c.Get(Code) };
        var mask = new FieldMask();
        foreach (var assignment in c.Get(Assignments))
        {
            mask.Paths.Add(ShopFields.Set(shop, assignment));
        }
        var updated = (await c.Client.Shops.UpdateShopAsync(new UpdateShopRequest { Shop = shop, UpdateMask = mask }, cancellationToken: c.Interrupt)).Shop;
        return Print(c, updated, $"shop {updated.Code} updated");
    }

    private static async Task<int> RemoveAsync(CliContext c)
    {
        var reply = await c.Client.Shops.DeleteShopAsync(new DeleteShopRequest { Code = c.Get(Code) }, cancellationToken: c.Interrupt);
        if (c.Json)
        {
            c.Output.Json(reply);
        }
        else
        {
            c.Output.Line($"shop {c.Get(Code)} deleted");
        }
        return ExitCodes.Ok;
    }

    private static int Print(CliContext c, Shop shop, string? headline)
    {
        if (c.Json)
        {
            c.Output.Json(shop);
            return ExitCodes.Ok;
        }
        if (headline is not null)
        {
            c.Output.Line(headline);
        }
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var (name, value) in ShopFields.Describe(shop))
        {
            grid.AddRow(new Text(name), new Text(value));
        }
        c.Output.Render(grid);
        return ExitCodes.Ok;
    }
}
