using System.CommandLine;
using ShopSync.Cli.Infrastructure;
using ShopSync.Contracts.V1;
using Spectre.Console;

namespace ShopSync.Cli.Commands;

/// <summary><c>shopsync filters …</c>: a task's request page and the (shop, task) default filters.</summary>
internal static class FiltersCommands
{
    private static readonly Argument<string> Task = new("task") { Description = "Task alias, name or report id" };
    private static readonly Option<string?> ShopOptional = new("--shop") { Description = "Also show this shop's default filters" };
    private static readonly Option<string> Shop = new("--shop") { Description = "The shop code", Required = true };
    private static readonly Argument<string[]> Filters = new("filters") { Description = "'Field=expr' filters in ERP filter syntax", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string[]> Options = new("--option") { Description = "A request-page option name=value (repeatable)", HelpName = "name=value" };

    public static Command Build(CommandHandlers handlers)
    {
        var filters = new Command("filters", "Request-page filters: what a task can filter, and the defaults per (shop, task)");

        var show = new Command("show", "A task's request page: fields, types, option values; with --shop the current defaults") { Task, ShopOptional };
        handlers.Set(show, ShowAsync);
        filters.Subcommands.Add(show);

        var set = new Command("set", "Replace the default filters and options of (shop, task)") { Task, Shop, Filters, Options };
        handlers.Set(set, c => SetAsync(c, c.Get(Filters), c.Get(Options)));
        filters.Subcommands.Add(set);

        var clear = new Command("clear", "Remove every default filter and option of (shop, task)") { Task, Shop };
        handlers.Set(clear, c => SetAsync(c, [], []));
        filters.Subcommands.Add(clear);
        return filters;
    }

    private static async Task<int> ShowAsync(CliContext c)
    {
        var reportId = await TaskResolver.ResolveAsync(c.Client, c.Get(Task), c.Interrupt);
        var page = (await c.Client.Jobs.GetRequestPageAsync(new GetRequestPageRequest { ReportId = reportId }, cancellationToken: c.Interrupt)).RequestPage;
        GetRequestPageFiltersResponse? current = null;
        if (c.Get(ShopOptional) is { } shop)
        {
            current = await c.Client.Jobs.GetRequestPageFiltersAsync(
                new GetRequestPageFiltersRequest { ShopReport = new ShopReport { ShopCode = shop, ReportId = reportId } }, cancellationToken: c.Interrupt);
        }
        if (c.Json)
        {
            if (current is null)
            {
                c.Output.Json(page);
            }
            else
            {
                c.Output.RawJson($"{{\"requestPage\":{CliOutput.FormatJson(page)},\"defaults\":{CliOutput.FormatJson(current)}}}");
            }
            return ExitCodes.Ok;
        }
        c.Output.Line($"{page.ReportId} {page.ReportName}");
        if (page.Fields.Count > 0)
        {
            c.Output.Render(FieldTable("Field", page.Fields));
        }
        else
        {
            c.Output.Line("(no filterable fields)");
        }
        if (page.Options.Count > 0)
        {
            c.Output.Render(FieldTable("Option", page.Options));
        }
        if (current is not null)
        {
            c.Output.Line($"Defaults of shop {c.Get(ShopOptional)}:");
            PrintCurrent(c, current.Filters, current.Options);
        }
        return ExitCodes.Ok;
    }

    private static async Task<int> SetAsync(CliContext c, string[] filters, string[] options)
    {
        var reportId = await TaskResolver.ResolveAsync(c.Client, c.Get(Task), c.Interrupt);
        var request = new SetRequestPageFiltersRequest { ShopReport = new ShopReport { ShopCode = c.Get(Shop), ReportId = reportId } };
        request.Filters.AddRange(KeyValues.Filters(filters));
        request.Options.AddRange(KeyValues.Options(options));
        var reply = await c.Client.Jobs.SetRequestPageFiltersAsync(request, cancellationToken: c.Interrupt);
        if (c.Json)
        {
            c.Output.Json(reply);
            return ExitCodes.Ok;
        }
        c.Output.Line($"Defaults of shop {c.Get(Shop)}, task {reportId}:");
        PrintCurrent(c, reply.Filters, reply.Options);
        return ExitCodes.Ok;
    }

    private static void PrintCurrent(CliContext c, IReadOnlyCollection<RequestPageFilter> filters, IReadOnlyCollection<RequestPageOption> options)
    {
        if (filters.Count == 0 && options.Count == 0)
        {
            c.Output.Line("  (none)");
        }
        foreach (var f in filters)
        {
            c.Output.Line($"  filter {f.Field} = {f.Expression}");
        }
        foreach (var o in options)
        {
            c.Output.Line($"  option {o.Name} = {o.Value}");
        }
    }

    private static Table FieldTable(string kind, IEnumerable<RequestPageField> fields)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns(kind, "Type", "Values", "Description");
        foreach (var f in fields)
        {
            table.AddRow(new Text(f.Name), new Text(Format.Enum(f.Type)), new Text(string.Join(", ", f.OptionValues)), new Text(f.Description));
        }
        return table;
    }
}
