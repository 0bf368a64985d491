using System.CommandLine;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using ShopSync.Cli.Infrastructure;
using ShopSync.Contracts.V1;
using Spectre.Console;

namespace ShopSync.Cli.Commands;

/// <summary><c>shopsync audit</c>: the audit trail, newest first.</summary>
internal static class AuditCommand
{
    private static readonly Option<string?> Principal = new("--principal") { Description = "Only this principal's calls ('local' = unauthenticated)" };
    private static readonly Option<string?> Shop = new("--shop") { Description = "Only calls naming this shop" };
    private static readonly Option<string?> Rpc = new("--rpc") { Description = "Only this method: UpdateShop or shopsync.v1.ShopService/UpdateShop" };
    private static readonly Option<string?> Since = new("--since") { Description = "From this time (ISO 8601, UTC unless an offset is given) or age (7d, 12h, 30m)", HelpName = "time" };
    private static readonly Option<string?> Until = new("--until") { Description = "Before this time (ISO 8601) or age", HelpName = "time" };
    private static readonly Option<int> Limit = new("--limit") { Description = "At most this many records (default 50)", DefaultValueFactory = _ => 50 };

    public static Command Build(CommandHandlers handlers)
    {
        var audit = new Command("audit", "The audit trail of every change: who, on behalf of whom, what, the outcome, from where")
        {
            Principal, Shop, Rpc, Since, Until, Limit,
        };
        handlers.Set(audit, ListAsync);
        return audit;
    }

    private static async Task<int> ListAsync(CliContext c)
    {
        var limit = c.Get(Limit);
        if (limit <= 0)
        {
            throw CliException.Usage($"--limit must be positive (got {limit})");
        }
        var now = TimeProvider.System.GetUtcNow();
        var request = new ListAuditEventsRequest
        {
            Principal = c.Get(Principal) ?? "",
            Shop = c.Get(Shop) ?? "",
            Rpc = c.Get(Rpc) ?? "",
            Since = c.Get(Since) is { } since ? Timestamp.FromDateTimeOffset(ParseTime(since, "--since", now)) : null,
            Until = c.Get(Until) is { } until ? Timestamp.FromDateTimeOffset(ParseTime(until, "--until", now)) : null,
        };
        var all = new ListAuditEventsResponse();
        do
        {
            request.PageSize = Math.Min(1000, limit - all.Events.Count);
            var page = await c.Client.Audit.ListAuditEventsAsync(request, cancellationToken: c.Interrupt);
            all.Events.AddRange(page.Events);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0 && all.Events.Count < limit);
        if (c.Json)
        {
            c.Output.Json(all);
            return ExitCodes.Ok;
        }
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Time", "Principal", "On behalf of", "RPC", "Target", "Outcome", "Peer");
        foreach (var e in all.Events)
        {
            table.AddRow(
                Format.Time(e.Time), Markup.Escape(e.Principal), Markup.Escape(e.OnBehalfOf), Markup.Escape(e.Rpc[(e.Rpc.IndexOf('.') + 1)..]),
                Markup.Escape(e.Target), Outcome(e), Markup.Escape(e.Peer));
        }
        c.Output.Render(table);
        return ExitCodes.Ok;
    }

    private static string Outcome(Contracts.V1.AuditEvent e) => e.Outcome switch
    {
        AuditOutcome.Succeeded => "[green]ok[/]",
        AuditOutcome.Denied => $"[red]denied[/] {Markup.Escape(e.StatusCode)}",
        _ => $"[yellow]failed[/] {Markup.Escape(e.StatusCode)}",
    };

    /// <summary>An ISO 8601 time (UTC unless it has an offset) or an age before <paramref name="now"/>.</summary>
    internal static DateTimeOffset ParseTime(string text, string option, DateTimeOffset now)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }
        return now - JobsPurgeCommand.ParseAge(text, option);
    }
}
