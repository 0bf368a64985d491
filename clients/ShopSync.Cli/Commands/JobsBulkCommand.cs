using System.CommandLine;
using ShopSync.Cli.Infrastructure;
using ShopSync.Contracts.V1;

namespace ShopSync.Cli.Commands;

/// <summary>
/// <c>shopsync jobs bulk hold|ready|restart|run|cancel|delete [--status …] [--shop X] [--category C] [--task T]
/// [--text …] | --ids a,b,c [--dry-run] [--yes]</c>: counts first, applies only with <c>--yes</c>, guarded by the count.
/// </summary>
internal static class JobsBulkCommand
{
    private static readonly Dictionary<string, BulkAction> Actions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hold"] = BulkAction.Hold, ["ready"] = BulkAction.Ready, ["restart"] = BulkAction.Restart,
        ["run"] = BulkAction.RunNow, ["cancel"] = BulkAction.Cancel, ["delete"] = BulkAction.Delete,
    };

    private static readonly Argument<string> Action = new("action") { Description = "hold, ready, restart, run, cancel or delete" };
    private static readonly Option<string[]> Ids = new("--ids") { Description = "These entries (comma-separated or repeated; at most 1000) instead of a filter", HelpName = "id" };
    private static readonly Option<string[]> Statuses = new("--status") { Description = "Only these statuses; comma-separated or repeated", HelpName = "status" };
    private static readonly Option<string?> Shop = new("--shop") { Description = "Only this shop" };
    private static readonly Option<string?> Category = new("--category") { Description = "Only this job queue category" };
    private static readonly Option<string?> TaskFilter = new("--task") { Description = "Only this task (alias, name or report id)" };
    private static readonly Option<string?> Text = new("--text") { Description = "Only entries whose id, number, description, creator, error or filters contain this" };
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "Count only" };
    private static readonly Option<bool> Yes = new("--yes") { Description = "Apply (without it, only the count is shown)" };

    public static Command Build(CommandHandlers handlers)
    {
        var bulk = new Command("bulk", "One action on several entries: those named by --ids, or every entry the filter matches")
        {
            Action, Ids, Statuses, Shop, Category, TaskFilter, Text, DryRun, Yes,
        };
        handlers.Set(bulk, BulkAsync);
        return bulk;
    }

    private static async Task<int> BulkAsync(CliContext c)
    {
        var name = c.Get(Action);
        var request = new BulkUpdateJobsRequest
        {
            Action = Actions.TryGetValue(name, out var action)
                ? action
                : throw CliException.Usage($"action '{name}' must be one of {string.Join(", ", Actions.Keys)}"),
        };
        var ids = (c.Get(Ids) ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var filtered = c.Get(Shop) is not null || c.Get(Category) is not null || c.Get(TaskFilter) is not null || c.Get(Text) is not null || c.Get(Statuses) is { Length: > 0 };
        if (ids.Count > 0)
        {
            request.Ids = filtered ? throw CliException.Usage("--ids cannot be combined with filter options") : new JobIdList { JobIds = { ids } };
        }
        else
        {
            request.Filter = new JobFilter { ShopCode = c.Get(Shop) ?? "", CategoryCode = c.Get(Category) ?? "", Text = c.Get(Text) ?? "" };
            request.Filter.Statuses.AddRange(JobsCommands.ParseStatuses(c.Get(Statuses)));
            if (c.Get(TaskFilter) is { } task)
            {
                request.Filter.ReportId = await TaskResolver.ResolveAsync(c.Client, task, c.Interrupt);
            }
        }

        request.DryRun = true;
        var count = await c.Client.Jobs.BulkUpdateJobsAsync(request, cancellationToken: c.Interrupt);
        if (c.Get(DryRun) || !c.Get(Yes))
        {
            if (c.Json)
            {
                c.Output.Json(count);
            }
            else
            {
                c.Output.Line($"{count.Matched} entries match; {(c.Get(DryRun) ? "dry run: nothing changed" : $"add --yes to {name.ToLowerInvariant()} them")}");
            }
            return ExitCodes.Ok;
        }

        // The count the operator saw guards the change: if the selection moved meanwhile, nothing changes.
        request.DryRun = false;
        request.ExpectedCount = count.Matched;
        var reply = count.Matched == 0 ? count : await c.Client.Jobs.BulkUpdateJobsAsync(request, cancellationToken: c.Interrupt);
        if (c.Json)
        {
            c.Output.Json(reply);
            return ExitCodes.Ok;
        }

        c.Output.Line($"{reply.Applied} of {reply.Matched} entries changed ({name.ToLowerInvariant()})");
        foreach (var skip in reply.Skipped)
        {
            c.Output.Line($"  skipped {skip.JobId}: {skip.Reason}");
        }
        return ExitCodes.Ok;
    }
}
