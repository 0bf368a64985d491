using System.CommandLine;
using ShopSync.Cli.Infrastructure;
using ShopSync.Contracts.V1;
using Spectre.Console;

namespace ShopSync.Cli.Commands;

/// <summary><c>shopsync schedule …</c>: recurring syncs.</summary>
internal static class ScheduleCommands
{
    private static readonly Argument<string> Task = new("task") { Description = "Task alias, name or report id" };
    private static readonly Argument<string> Id = new("id") { Description = "The schedule id" };
    private static readonly Option<string?> Shop = new("--shop") { Description = "The shop code" };
    private static readonly Option<string?> TaskFilter = new("--task") { Description = "Only this task" };
    private static readonly Option<string[]> Filter = new("--filter") { Description = "A request-page filter 'Field=expr' (repeatable)", HelpName = "Field=expr" };
    private static readonly Option<string[]> OptionValue = new("--option") { Description = "A request-page option name=value (repeatable)", HelpName = "name=value" };
    private static readonly Option<string?> Description = new("--description") { Description = "A description" };
    private static readonly Option<string?> Category = new("--category") { Description = "Job queue category (default: the shop's)" };
    private static readonly Option<int> Priority = new("--priority") { Description = "Lower runs first within the category" };
    private static readonly Option<int> MaxAttempts = new("--max-attempts") { Description = "Attempts per run (0 = the task's default)" };
    private static readonly Option<bool> Paused = new("--paused") { Description = "Create it paused (On Hold)" };
    private static readonly Option<int> Count = new("--count") { Description = "How many run times (1..1000)", DefaultValueFactory = _ => 10 };
    private static readonly Option<string?> From = new("--from") { Description = "Runs after this instant (ISO 8601; default now)" };

    public static Command Build(CommandHandlers handlers)
    {
        var schedule = new Command("schedule", "Recurring syncs (weekly windows, date formulas, cron)");

        var add = new Command("add", "Create a recurring sync") { Task, Shop, Filter, OptionValue, Description, Category, Priority, MaxAttempts, Paused };
        foreach (var option in RecurrenceOptions.All)
        {
            add.Options.Add(option);
        }
        handlers.Set(add, AddAsync);
        schedule.Subcommands.Add(add);

        var list = new Command("list", "List schedules") { Shop, TaskFilter };
        handlers.Set(list, ListAsync);
        schedule.Subcommands.Add(list);

        var show = new Command("show", "Show one schedule") { Id };
        handlers.Set(show, async c => Print(c, (await c.Client.Schedules.GetScheduleAsync(new GetScheduleRequest { ScheduleId = c.Get(Id) }, cancellationToken: c.Interrupt)).Schedule, null));
        schedule.Subcommands.Add(show);

        var preview = new Command("preview", "The next run times of a recurrence, creating nothing") { Count, From };
        foreach (var option in RecurrenceOptions.All)
        {
            preview.Options.Add(option);
        }
        handlers.Set(preview, PreviewAsync);
        schedule.Subcommands.Add(preview);

        var pause = new Command("pause", "Pause a schedule (its entry goes On Hold)") { Id };
        handlers.Set(pause, async c => Print(c, (await c.Client.Schedules.PauseScheduleAsync(new PauseScheduleRequest { ScheduleId = c.Get(Id) }, cancellationToken: c.Interrupt)).Schedule, "paused"));
        schedule.Subcommands.Add(pause);

        var resume = new Command("resume", "Resume a paused schedule") { Id };
        handlers.Set(resume, async c => Print(c, (await c.Client.Schedules.ResumeScheduleAsync(new ResumeScheduleRequest { ScheduleId = c.Get(Id) }, cancellationToken: c.Interrupt)).Schedule, "resumed"));
        schedule.Subcommands.Add(resume);

        var remove = new Command("remove", "Delete a schedule") { Id };
        handlers.Set(remove, RemoveAsync);
        schedule.Subcommands.Add(remove);
        return schedule;
    }

    private static async Task<int> AddAsync(CliContext c)
    {
        var request = new ScheduleRecurringRequest
        {
            ShopCode = c.Get(Shop) ?? "",
            Description = c.Get(Description) ?? "",
            CategoryCode = c.Get(Category) ?? "",
            Priority = c.Get(Priority),
            MaxAttempts = c.Get(MaxAttempts),
            OnHold = c.Get(Paused),
            Schedule = RecurrenceOptions.Build(c),
        };
        request.Filters.AddRange(KeyValues.Filters(c.Get(Filter)));
        request.Options.AddRange(KeyValues.Options(c.Get(OptionValue)));
        request.ReportId = await TaskResolver.ResolveAsync(c.Client, c.Get(Task), c.Interrupt);
        var created = (await c.Client.Schedules.ScheduleRecurringAsync(request, cancellationToken: c.Interrupt)).Schedule;
        return Print(c, created, "created");
    }

    private static async Task<int> ListAsync(CliContext c)
    {
        var request = new ListSchedulesRequest { ShopCode = c.Get(Shop) ?? "", PageSize = 1000 };
        if (c.Get(TaskFilter) is { } task)
        {
            request.ReportId = await TaskResolver.ResolveAsync(c.Client, task, c.Interrupt);
        }
        var all = new ListSchedulesResponse();
        do
        {
            var page = await c.Client.Schedules.ListSchedulesAsync(request, cancellationToken: c.Interrupt);
            all.Schedules.AddRange(page.Schedules);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        if (c.Json)
        {
            c.Output.Json(all);
            return ExitCodes.Ok;
        }
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Id", "Task", "Shop", "Recurrence", "Status", "Next run", "Last run", "Last result");
        foreach (var s in all.Schedules)
        {
            table.AddRow(
                new Text(s.Id), new Text($"{s.ReportId} {s.Description}".Trim()), new Text(s.ShopCode), new Text(Describe(s.Schedule)),
                Rendering.JobTables.StatusCell(s.Status), new Text(Format.Time(s.NextRun)), new Text(Format.Time(s.LastRun)),
                s.LastResult == JobResult.Unspecified ? new Text("") : Rendering.JobTables.ResultCell(s.LastResult));
        }
        c.Output.Render(table);
        return ExitCodes.Ok;
    }

    private static async Task<int> PreviewAsync(CliContext c)
    {
        var request = new PreviewScheduleRequest
        {
            Schedule = RecurrenceOptions.Build(c),
            Count = c.Get(Count),
            From = RecurrenceOptions.Instant(c.Get(From), "--from"),
        };
        var reply = await c.Client.Schedules.PreviewScheduleAsync(request, cancellationToken: c.Interrupt);
        if (c.Json)
        {
            c.Output.Json(reply);
            return ExitCodes.Ok;
        }
        c.Output.Line($"Next {reply.Runs.Count} runs of {Describe(request.Schedule)}:");
        for (var i = 0; i < reply.Runs.Count; i++)
        {
            var local = i < reply.LocalRuns.Count ? reply.LocalRuns[i] : "";
            c.Output.Line($"  {reply.Runs[i].ToDateTimeOffset():yyyy-MM-dd HH:mm:ss}Z  {local}");
        }
        return ExitCodes.Ok;
    }

    private static async Task<int> RemoveAsync(CliContext c)
    {
        var reply = await c.Client.Schedules.DeleteScheduleAsync(new DeleteScheduleRequest { ScheduleId = c.Get(Id) }, cancellationToken: c.Interrupt);
        if (c.Json)
        {
            c.Output.Json(reply);
        }
        else
        {
            c.Output.Line($"schedule {c.Get(Id)} deleted");
        }
        return ExitCodes.Ok;
    }

    private static int Print(CliContext c, ScheduleInfo s, string? verb)
    {
        if (c.Json)
        {
            c.Output.Json(s);
            return ExitCodes.Ok;
        }
        if (verb is not null)
        {
            c.Output.Line($"schedule {s.Id} {verb}");
        }
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string name, string value) => grid.AddRow(new Text(name), new Text(value));
        Row("Id", s.Id);
        Row("Task", $"{s.ReportId} {s.Description}".Trim());
        Row("Shop", s.ShopCode);
        Row("Category", s.CategoryCode);
        Row("Recurrence", Describe(s.Schedule));
        Row("Status", Format.Status(s.Status));
        Row("Next run", Format.Time(s.NextRun));
        Row("Last run", $"{Format.Time(s.LastRun)} {Format.Result(s.LastResult)}".Trim());
        Row("Filters", Format.Filters(s.Filters));
        Row("Options", Format.Options(s.Options));
        Row("Current job", s.CurrentJobId);
        Row("Created", Format.Time(s.CreatedAt));
        c.Output.Render(grid);
        return ExitCodes.Ok;
    }

    internal static string Describe(RecurringSchedule? s)
    {
        if (s is null)
        {
            return "";
        }
        var form = s.FormCase switch
        {
            RecurringSchedule.FormOneofCase.Weekly => $"{string.Join(',', s.Weekly.Weekdays.Select(d => d.ToString()[..3].ToLowerInvariant()))} " +
                $"{Or(s.Weekly.StartingTime, "00:00")}-{Or(s.Weekly.EndingTime, "24:00")} every {(s.Weekly.MinutesBetweenRuns == 0 ? 1440 : s.Weekly.MinutesBetweenRuns)} min",
            RecurringSchedule.FormOneofCase.DateFormula => $"formula {s.DateFormula.Formula} at {Or(s.DateFormula.StartingTime, "00:00")}",
            RecurringSchedule.FormOneofCase.Cron => $"cron '{s.Cron.Expression}'",
            _ => "?",
        };
        var extras = new List<string> { Or(s.TimeZone, "UTC") };
        if (s.Anchoring == Anchoring.FixedDelay)
        {
            extras.Add("fixed delay");
        }
        if (s.CatchUp is CatchUpPolicy.Once or CatchUpPolicy.All)
        {
            extras.Add($"catch-up {Format.Enum(s.CatchUp).ToLowerInvariant()}");
        }
        if (s.Overlap == OverlapPolicy.BufferOne)
        {
            extras.Add("overlap buffer one");
        }
        if (s.OnFailure == FailurePolicy.KeepRecurring)
        {
            extras.Add("keep recurring");
        }
        return $"{form} ({string.Join(", ", extras)})";
    }

    private static string Or(string value, string fallback) => value.Length > 0 ? value : fallback;
}
