using System.CommandLine;
using ShopSync.Cli.Infrastructure;
using ShopSync.Cli.Rendering;
using ShopSync.Contracts.V1;

namespace ShopSync.Cli.Commands;

/// <summary><c>shopsync jobs …</c>: the job queue entries.</summary>
internal static class JobsCommands
{
    private static readonly Option<string[]> Statuses = new("--status")
    {
        Description = "Only these statuses (on-hold, ready, waiting, in-process, finished, error); comma-separated or repeated",
        HelpName = "status",
    };
    private static readonly Option<string?> Shop = new("--shop") { Description = "Only this shop" };
    private static readonly Option<string?> Category = new("--category") { Description = "Only this job queue category" };
    private static readonly Option<string?> TaskFilter = new("--task") { Description = "Only this task (alias, name or report id)" };
    private static readonly Option<int> Limit = new("--limit") { Description = "At most this many (1..1000)", DefaultValueFactory = _ => 50 };
    private static readonly Option<string?> PageToken = new("--page-token") { Description = "Continue a previous listing" };
    private static readonly Option<string?> Text = new("--text") { Description = "Only entries whose id, number, description, creator, error or filters contain this (at most 100 characters)" };
    private static readonly Option<bool> ErrorsOnly = new("--errors") { Description = "Only failed runs" };
    private static readonly Option<long> After = new("--after") { Description = "Only events after this sequence number (0 = the whole history)" };
    private static readonly Option<int> Wait = new("--wait") { Description = "Seconds to wait for a running handler to stop", DefaultValueFactory = _ => 30 };

    public static Command Build(CommandHandlers handlers)
    {
        var jobs = new Command("jobs", "The job queue: list, inspect, watch and control entries");
        var list = new Command("list", "List entries") { Statuses, Shop, Category, TaskFilter, Text, Limit, PageToken };
        handlers.Set(list, ListAsync);
        jobs.Subcommands.Add(list);

        jobs.Subcommands.Add(WithId(handlers, new Command("show", "Show one entry"), ShowAsync));
        var watch = WithId(handlers, new Command("watch", "Follow an entry's events until it ends (live progress on a terminal)"), WatchAsync);
        watch.Options.Add(After);
        jobs.Subcommands.Add(watch);

        var log = new Command("log", "The runs of an entry, or of a shop/task") { new Argument<string?>("id") { Description = "The job id (optional)", Arity = ArgumentArity.ZeroOrOne }, Shop, TaskFilter, ErrorsOnly, Limit, PageToken };
        handlers.Set(log, LogAsync);
        jobs.Subcommands.Add(log);

        jobs.Subcommands.Add(Control(handlers, "hold", "Set an entry On Hold (a running entry finishes its run first)",
            async (c, id) => (await c.Client.Jobs.HoldJobAsync(new HoldJobRequest { JobId = id }, cancellationToken: c.Interrupt)).Job));
        jobs.Subcommands.Add(Control(handlers, "ready", "Set an On Hold or Error entry Ready",
            async (c, id) => (await c.Client.Jobs.SetJobReadyAsync(new SetJobReadyRequest { JobId = id }, cancellationToken: c.Interrupt)).Job));
        jobs.Subcommands.Add(Control(handlers, "restart", "Set an entry Ready and reset its attempts",
            async (c, id) => (await c.Client.Jobs.RestartJobAsync(new RestartJobRequest { JobId = id }, cancellationToken: c.Interrupt)).Job));
        jobs.Subcommands.Add(Control(handlers, "run", "Make an entry due now (Run Once)",
            async (c, id) => (await c.Client.Jobs.RunJobNowAsync(new RunJobNowRequest { JobId = id }, cancellationToken: c.Interrupt)).Job));

        var cancel = WithId(handlers, new Command("cancel", "Cancel an entry (a running handler is stopped cooperatively)"), CancelAsync);
        cancel.Options.Add(Wait);
        jobs.Subcommands.Add(cancel);
        jobs.Subcommands.Add(WithId(handlers, new Command("delete", "Delete an entry (not while In Process: cancel it first)"), DeleteAsync));
        jobs.Subcommands.Add(JobsPurgeCommand.Build(handlers));
        jobs.Subcommands.Add(JobsBulkCommand.Build(handlers));
        return jobs;
    }

    internal static readonly Argument<string> Id = new("id") { Description = "The job id" };

    private static Command WithId(CommandHandlers handlers, Command command, Func<CliContext, string, Task<int>> run)
    {
        command.Arguments.Add(Id);
        handlers.Set(command, c => run(c, c.Get(Id)));
        return command;
    }

    private static Command Control(CommandHandlers handlers, string name, string description, Func<CliContext, string, Task<Job>> call) =>
        WithId(handlers, new Command(name, description), async (c, id) =>
        {
            var job = await call(c, id);
            if (c.Json)
            {
                c.Output.Json(job);
            }
            else
            {
                c.Output.Line($"job {job.Id}: {Format.Status(job.Status)}");
            }
            return ExitCodes.Ok;
        });

    private static async Task<int> ListAsync(CliContext c)
    {
        var request = new ListJobsRequest
        {
            ShopCode = c.Get(Shop) ?? "",
            CategoryCode = c.Get(Category) ?? "",
            PageSize = c.Get(Limit),
            PageToken = c.Get(PageToken) ?? "",
            Text = c.Get(Text) ?? "",
        };
        request.Statuses.AddRange(ParseStatuses(c.Get(Statuses)));
        if (c.Get(TaskFilter) is { } task)
        {
            request.ReportId = await TaskResolver.ResolveAsync(c.Client, task, c.Interrupt);
        }
        var reply = await c.Client.Jobs.ListJobsAsync(request, cancellationToken: c.Interrupt);
        if (c.Json)
        {
            c.Output.Json(reply);
            return ExitCodes.Ok;
        }
        c.Output.Render(JobTables.Jobs(reply.Jobs));
        if (reply.NextPageToken.Length > 0)
        {
            c.Output.Line($"More: shopsync jobs list --page-token {reply.NextPageToken}");
        }
        return ExitCodes.Ok;
    }

    private static async Task<int> ShowAsync(CliContext c, string id)
    {
        var job = (await c.Client.Jobs.GetJobAsync(new GetJobRequest { JobId = id }, cancellationToken: c.Interrupt)).Job;
        if (c.Json)
        {
            c.Output.Json(job);
        }
        else
        {
            c.Output.Render(JobTables.Job(job));
        }
        return ExitCodes.Ok;
    }

    private static async Task<int> WatchAsync(CliContext c, string id)
    {
        var state = new JobProgressState();
        var stream = c.Client.Jobs.WatchJobAsync(new WatchJobRequest { JobId = id, AfterSequence = c.Get(After) }, cancellationToken: c.Interrupt)
            .Select(r => new JobFollower.Item(r, r.Event, r.Snapshot));
        try
        {
            await JobFollower.FollowAsync(c, stream, state);
        }
        catch (Exception e) when (Interrupts.Ended(e, c.Interrupt))
        {
            await c.Console.Error.WriteLineAsync($"Stopped watching job {id}; it keeps running on the server.");
            return ExitCodes.Interrupted;
        }
        return await SummarizeAsync(c, state);
    }

    private static async Task<int> LogAsync(CliContext c)
    {
        var request = new ListLogEntriesRequest
        {
            JobId = c.ParseResult.GetValue<string?>("id") ?? "",
            ShopCode = c.Get(Shop) ?? "",
            ErrorsOnly = c.Get(ErrorsOnly),
            PageSize = c.Get(Limit),
            PageToken = c.Get(PageToken) ?? "",
        };
        if (c.Get(TaskFilter) is { } task)
        {
            request.ReportId = await TaskResolver.ResolveAsync(c.Client, task, c.Interrupt);
        }
        var reply = await c.Client.Jobs.ListLogEntriesAsync(request, cancellationToken: c.Interrupt);
        if (c.Json)
        {
            c.Output.Json(reply);
            return ExitCodes.Ok;
        }
        c.Output.Render(JobTables.Log(reply.Entries));
        if (reply.NextPageToken.Length > 0)
        {
            c.Output.Line($"More: shopsync jobs log --page-token {reply.NextPageToken}");
        }
        return ExitCodes.Ok;
    }

    private static async Task<int> CancelAsync(CliContext c, string id)
    {
        var wait = TimeSpan.FromSeconds(Math.Max(0, c.Get(Wait)));
        var reply = await c.Client.Jobs.CancelJobAsync(
            new CancelJobRequest { JobId = id, Wait = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(wait) },
            new Client.ShopSyncCallOptions { Timeout = wait + TimeSpan.FromSeconds(5) }, c.Interrupt);
        if (c.Json)
        {
            c.Output.Json(reply);
        }
        else
        {
            c.Output.Line(reply.Stopped
                ? $"job {reply.Job.Id}: {Format.Status(reply.Job.Status)} ({Format.Result(reply.Job.LastResult)})"
                : $"job {reply.Job.Id}: cancellation requested; the handler has not stopped yet");
        }
        return ExitCodes.Ok;
    }

    private static async Task<int> DeleteAsync(CliContext c, string id)
    {
        var reply = await c.Client.Jobs.DeleteJobAsync(new DeleteJobRequest { JobId = id }, cancellationToken: c.Interrupt);
        if (c.Json)
        {
            c.Output.Json(reply);
        }
        else
        {
            c.Output.Line($"job {id}: deleted");
        }
        return ExitCodes.Ok;
    }

    /// <summary>The end of a followed job: a summary line (for humans) and the exit code of its result.</summary>
    internal static async Task<int> SummarizeAsync(CliContext c, JobProgressState state)
    {
        if (state.Completed is null && state.EndedSnapshot is { } ended)
        {
            // Resumed after the entry's last event (--after): the server ends the stream at once.
            await c.Console.Out.WriteLineAsync($"job {ended.Id}: {Format.Status(ended.Status)} ({Format.Result(ended.LastResult)}); no events after sequence {ended.LastEventSequence}");
            return JobProgressState.IsSuccess(ended.LastResult) ? ExitCodes.Ok : ExitCodes.Failed;
        }
        if (state.Completed is not { } completed)
        {
            await c.Console.Error.WriteLineAsync(
                $"The stream ended before job {state.JobId} finished ({state.State}). Re-attach with: shopsync jobs watch {state.JobId}");
            return ExitCodes.Unavailable;
        }
        var ok = JobProgressState.IsSuccess(completed.Result);
        if (!c.Json && c.Console.IsTerminal)
        {
            c.Output.Markup(ok
                ? $"[green]{Spectre.Console.Markup.Escape(Format.Result(completed.Result))}[/]: job {state.JobId} ({Format.Counters(completed.Counters)})"
                : $"[red]{Spectre.Console.Markup.Escape(Format.Result(completed.Result))}[/]: job {state.JobId}: {Spectre.Console.Markup.Escape(completed.ErrorMessage)}");
        }
        if (!ok)
        {
            await c.Console.Error.WriteLineAsync(
                $"job {state.JobId} {Format.Result(completed.Result).ToLowerInvariant()}: {completed.ErrorMessage} (see: shopsync jobs log {state.JobId})");
            return ExitCodes.Failed;
        }
        return ExitCodes.Ok;
    }

    internal static IEnumerable<JobStatus> ParseStatuses(IEnumerable<string>? values)
    {
        foreach (var value in (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var key = value.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
            yield return Enum.TryParse<JobStatus>(key, ignoreCase: true, out var status) && status != JobStatus.Unspecified
                ? status
                : throw CliException.Usage($"--status: unknown status '{value}'; use on-hold, ready, waiting, in-process, finished or error");
        }
    }
}
