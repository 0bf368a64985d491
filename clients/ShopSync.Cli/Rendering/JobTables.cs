using ShopSync.Cli.Infrastructure;
using ShopSync.Contracts.V1;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ShopSync.Cli.Rendering;

/// <summary>Human tables of jobs and log entries.</summary>
internal static class JobTables
{
    public static IRenderable Jobs(IEnumerable<Job> jobs)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Id", "Entry", "Task", "Shop", "Category", "Status", "Progress", "Attempts", "Updated", "Error / warnings");
        foreach (var j in jobs)
        {
            table.AddRow(
                Cell(j.Id), Cell(j.EntryNo.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Cell($"{j.ReportId} {j.Description}".Trim()), Cell(j.ShopCode), Cell(j.CategoryCode),
                StatusCell(j.Status), Cell(Progress(j.LastProgress)), Cell($"{j.Attempts}/{j.MaxAttempts}"),
                Cell(Format.Time(j.UpdatedAt)), Cell(Problem(j.LastResult, j.ErrorMessage)));
        }
        return table;
    }

    public static IRenderable Job(Job j)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string name, string value) => grid.AddRow(new Text(name), new Text(value));
        Row("Id", j.Id);
        Row("Entry no.", j.EntryNo.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Row("Task", $"{j.ReportId} {j.Description}".Trim());
        Row("Shop", j.ShopCode);
        Row("Category", j.CategoryCode);
        Row("Priority", j.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Row("Status", Format.Status(j.Status));
        Row("Last result", Format.Result(j.LastResult));
        Row("Attempts", $"{j.Attempts} of {j.MaxAttempts}");
        Row("Progress", Progress(j.LastProgress));
        Row("Filters", Format.Filters(j.Filters));
        Row("Options", Format.Options(j.Options));
        Row("Earliest start", Format.Time(j.EarliestStart));
        Row("Expiration", Format.Time(j.Expiration));
        Row("Rerun delay", Format.Span(j.RerunDelay));
        Row("Timeout", Format.Span(j.Timeout));
        Row("Created", $"{Format.Time(j.CreatedAt)} by {j.CreatedBy}");
        Row("Started", Format.Time(j.StartedAt));
        Row("Ended", Format.Time(j.EndedAt));
        Row(j.LastResult == JobResult.SucceededWithWarnings ? "Warnings" : "Error", j.ErrorMessage);
        Row("Error detail", j.ErrorDetail);
        Row("Schedule", j.ScheduleId);
        Row("Lease owner", j.LeaseOwner);
        Row("Trace id", j.TraceId);
        Row("Last event", j.LastEventSequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return grid;
    }

    /// <summary>
    /// The entry's error, or for a run that succeeded with warnings its summary (the server keeps it in the same
    /// field), marked so a finished entry does not read as failed.
    /// </summary>
    private static string Problem(JobResult result, string message) =>
        result == JobResult.SucceededWithWarnings && message.Length > 0 ? "warnings: " + message : message;

    public static IRenderable Log(IEnumerable<JobLogEntry> entries)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Log", "Job", "Task", "Shop", "Attempt", "Start", "End", "Result", "Counters", "Error / warnings");
        foreach (var e in entries)
        {
            table.AddRow(
                Cell(e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), Cell(e.JobId), Cell($"{e.ReportId} {e.Description}".Trim()),
                Cell(e.ShopCode), Cell(e.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Cell(Format.Time(e.StartTime)), Cell(Format.Time(e.EndTime)),
                e.Result == JobResult.Unspecified ? Cell("running") : ResultCell(e.Result), Cell(Format.Counters(e.Counters)), Cell(Problem(e.Result, e.ErrorMessage)));
        }
        return table;
    }

    public static string Progress(JobProgress? p) =>
        p is null ? "" : $"{(p.Percent < 0 ? "?" : p.Percent + "%")} {p.Message}".Trim();

    public static IRenderable Cell(string text) => new Text(text);

    public static IRenderable StatusCell(JobStatus status) => new Markup(status switch
    {
        JobStatus.Error => $"[red]{Format.Status(status)}[/]",
        JobStatus.InProcess => $"[blue]{Format.Status(status)}[/]",
        JobStatus.OnHold or JobStatus.Waiting => $"[yellow]{Format.Status(status)}[/]",
        JobStatus.Finished => $"[green]{Format.Status(status)}[/]",
        _ => Markup.Escape(Format.Status(status)),
    });

    public static IRenderable ResultCell(JobResult result) => new Markup(JobProgressState.IsSuccess(result)
        ? $"[green]{Format.Result(result)}[/]"
        : $"[red]{Format.Result(result)}[/]");
}
