using System.CommandLine;
using ShopSync.Cli.Infrastructure;
using ShopSync.Contracts.V1;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ShopSync.Cli.Commands;

/// <summary><c>shopsync status [cue]</c>: the cues that need an operator's attention, and the records behind one.</summary>
internal static class StatusCommand
{
    private static readonly Argument<string?> CueName = new("cue")
    {
        Description = "Drill down into one cue, e.g. unprocessed-orders, synchronization-errors, api-errors",
        Arity = ArgumentArity.ZeroOrOne,
    };
    private static readonly Option<string?> Shop = new("--shop") { Description = "Only this shop" };
    private static readonly Option<bool> Watch = new("--watch") { Description = "Keep the table up to date until Ctrl+C" };
    private static readonly Option<int> ErrorsWithin = new("--errors-within") { Description = "Count synchronization errors of the last N hours only (0 = all)" };
    private static readonly Option<int> Limit = new("--limit") { Description = "Records per page (drill-down)", DefaultValueFactory = _ => 50 };

    public static Command Build(CommandHandlers handlers)
    {
        var status = new Command("status", "What needs attention per shop (cues, task health); 'status <cue>' lists the records behind a cue")
        {
            CueName, Shop, Watch, ErrorsWithin, Limit,
        };
        handlers.Set(status, c => c.ParseResult.GetValue(CueName) is { } cue ? DrillDownAsync(c, cue) : c.Get(Watch) ? WatchAsync(c) : ShowAsync(c));
        return status;
    }

    private static async Task<int> ShowAsync(CliContext c)
    {
        var reply = await c.Client.Status.GetSyncStatusAsync(
            new GetSyncStatusRequest { ShopCode = c.Get(Shop) ?? "", SyncErrorsWithinHours = c.Get(ErrorsWithin) }, cancellationToken: c.Interrupt);
        if (c.Json)
        {
            c.Output.Json(reply);
        }
        else
        {
            c.Output.Render(Render(reply));
        }
        return ExitCodes.Ok;
    }

    private static async Task<int> WatchAsync(CliContext c)
    {
        var stream = c.Client.Status.WatchSyncStatusAsync(
            new WatchSyncStatusRequest { ShopCode = c.Get(Shop) ?? "", SyncErrorsWithinHours = c.Get(ErrorsWithin) }, cancellationToken: c.Interrupt);
        try
        {
            if (c.Json || !c.Console.IsTerminal)
            {
                await foreach (var update in stream)
                {
                    if (c.Json)
                    {
                        c.Output.Json(update);
                    }
                    else
                    {
                        c.Output.Render(Render(update.Status));
                    }
                }
                return ExitCodes.Ok;
            }
            await c.Console.Ansi.Live(new Text("waiting for the first status…")).StartAsync(async live =>
            {
                await foreach (var update in stream)
                {
                    live.UpdateTarget(Render(update.Status));
                }
            });
            return ExitCodes.Ok;
        }
        catch (Exception e) when (Interrupts.Ended(e, c.Interrupt))
        {
            return ExitCodes.Ok;
        }
    }

    private static async Task<int> DrillDownAsync(CliContext c, string name)
    {
        var cue = ParseCue(name);
        var reply = await c.Client.Status.ListCueRecordsAsync(
            new ListCueRecordsRequest { ShopCode = c.Get(Shop) ?? "", Cue = cue, PageSize = c.Get(Limit), SyncErrorsWithinHours = c.Get(ErrorsWithin) },
            cancellationToken: c.Interrupt);
        if (c.Json)
        {
            c.Output.Json(reply);
            return ExitCodes.Ok;
        }
        c.Output.Line($"{Format.Enum(cue)}: {reply.Total} record(s)");
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Shop", "Key", "Description", "Reason", "Time");
        foreach (var r in reply.Records)
        {
            table.AddRow(new Text(r.ShopCode), new Text(r.Key), new Text(r.Description), new Text(r.Reason), new Text(Format.Time(r.Time)));
        }
        c.Output.Render(table);
        return ExitCodes.Ok;
    }

    internal static Cue ParseCue(string name)
    {
        var key = name.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        if (key.StartsWith("cue", StringComparison.OrdinalIgnoreCase))
        {
            key = key[3..];
        }
        if (Enum.TryParse<Cue>(key, ignoreCase: true, out var cue) && cue != Cue.Unspecified && Enum.IsDefined(cue))
        {
            return cue;
        }
        var valid = Enum.GetValues<Cue>().Where(v => v != Cue.Unspecified).Select(v => Format.Enum(v).ToLowerInvariant().Replace(' ', '-'));
        throw CliException.Usage($"unknown cue '{name}'; use one of {string.Join(", ", valid)}");
    }

    private static IRenderable Render(GetSyncStatusResponse status)
    {
        var rows = new List<IRenderable> { new Text($"as of {Format.Time(status.AsOf)}") };
        foreach (var shop in status.Shops)
        {
            var cues = new Table().Border(TableBorder.Rounded).Title($"shop {Markup.Escape(shop.ShopCode)}").AddColumns("Cue", "Count", "Level");
            foreach (var cue in shop.Cues)
            {
                var color = cue.Level switch { CueLevel.Alert => "red", CueLevel.Warning => "yellow", _ => "green" };
                cues.AddRow(
                    new Text(Format.Enum(cue.Cue).ToLowerInvariant().Replace(' ', '-')),
                    new Markup($"[{color}]{cue.Count}[/]"),
                    new Markup($"[{color}]{Format.Enum(cue.Level)}[/]"));
            }
            rows.Add(cues);
            if (shop.Tasks.Count > 0)
            {
                var tasks = new Table().Border(TableBorder.Rounded)
                    .AddColumns("Task", "Last success", "Last failure", "Failures", "Now", "Next run");
                foreach (var t in shop.Tasks)
                {
                    var now = t.RunningNow ? $"[blue]running {Markup.Escape(Rendering.JobTables.Progress(t.Progress))}[/]" : t.FailingNow ? "[red]failing[/]" : "";
                    tasks.AddRow(
                        new Text($"{t.ReportId} {t.ReportName}"), new Text(Format.Time(t.LastSuccess)),
                        new Text($"{Format.Time(t.LastFailure)} {t.LastFailureMessage}".Trim()),
                        new Text(t.ConsecutiveFailures.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        new Markup(now), new Text(Format.Time(t.NextRun)));
                }
                rows.Add(tasks);
            }
        }
        return new Rows(rows);
    }
}
