using System.CommandLine;
using ShopSync.Cli.Infrastructure;
using ShopSync.Cli.Rendering;
using ShopSync.Contracts.V1;

namespace ShopSync.Cli.Commands;

/// <summary><c>shopsync sync &lt;task&gt;</c>: queue a sync, and in the foreground follow it to its result.</summary>
internal static class SyncCommand
{
    private static readonly Argument<string> Task = new("task") { Description = "Task alias (orders, customers, products, diag …), name or report id" };
    private static readonly Option<string?> Shop = new("--shop") { Description = "The shop code" };
    private static readonly Option<bool> Foreground = new("--foreground") { Description = "Wait and show progress until the job ends" };
    private static readonly Option<bool> Background = new("--background") { Description = "Queue and return at once" };
    private static readonly Option<string[]> Filter = new("--filter") { Description = "A request-page filter 'Field=expr' (repeatable)", HelpName = "Field=expr" };
    private static readonly Option<string[]> OptionValue = new("--option") { Description = "A request-page option name=value (repeatable)", HelpName = "name=value" };
    private static readonly Option<bool> CancelOnInterrupt = new("--cancel-on-interrupt") { Description = "Ctrl+C cancels the job instead of detaching" };
    private static readonly Option<string?> Category = new("--category") { Description = "Job queue category (default: the shop's)" };
    private static readonly Option<int> Priority = new("--priority") { Description = "Lower runs first within the category (default 1000)" };
    private static readonly Option<int> MaxAttempts = new("--max-attempts") { Description = "0..10; 0 = the task's default" };
    private static readonly Option<string?> Description = new("--description") { Description = "A description of the entry" };
    private static readonly Option<bool> NoDefaults = new("--no-default-filters") { Description = "Do not merge the (shop, task) default filters" };
    private static readonly Option<bool> OnHold = new("--on-hold") { Description = "Create the entry On Hold" };

    public static Command Build(CommandHandlers handlers)
    {
        var command = new Command("sync", "Queue a sync task for a shop; --foreground shows live progress (Ctrl+C detaches)")
        {
            Task, Shop, Foreground, Background, Filter, OptionValue, CancelOnInterrupt, Category, Priority, MaxAttempts, Description, NoDefaults, OnHold,
        };
        handlers.Set(command, RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(CliContext context)
    {
        if (context.Get(Foreground) && context.Get(Background))
        {
            throw CliException.Usage("--foreground and --background exclude each other");
        }
        var client = context.Client;
        var request = new EnqueueJobRequest
        {
            ShopCode = context.Get(Shop) ?? "",
            ReportId = await TaskResolver.ResolveAsync(client, context.Get(Task), context.Interrupt),
            Mode = context.Get(Foreground) ? RunMode.Foreground : context.Get(Background) ? RunMode.Background : RunMode.Auto,
            CategoryCode = context.Get(Category) ?? "",
            Priority = context.Get(Priority),
            MaxAttempts = context.Get(MaxAttempts),
            Description = context.Get(Description) ?? "",
            IgnoreDefaultFilters = context.Get(NoDefaults),
            OnHold = context.Get(OnHold),
            // One id for this command: the client's retries on UNAVAILABLE resend it, so the job is queued once.
            RequestId = Guid.NewGuid().ToString("D"),
        };
        request.Filters.AddRange(KeyValues.Filters(context.Get(Filter)));
        request.Options.AddRange(KeyValues.Options(context.Get(OptionValue)));

        var stream = client.Jobs.EnqueueJobAsync(request, cancellationToken: context.Interrupt)
            .Select(r => new JobFollower.Item(r, r.Event, null));
        var state = new JobProgressState();
        try
        {
            await JobFollower.FollowAsync(context, stream, state);
        }
        catch (Exception e) when (Interrupts.Ended(e, context.Interrupt))
        {
            return await InterruptedAsync(context, state.JobId);
        }
        if (!state.Foreground)
        {
            context.Output.Note($"Queued job {state.JobId} in the background. Follow it with: shopsync jobs watch {state.JobId}");
            return ExitCodes.Ok;
        }
        return await JobsCommands.SummarizeAsync(context, state);
    }

    private static async Task<int> InterruptedAsync(CliContext context, string? jobId)
    {
        if (jobId is null)
        {
            await context.Console.Error.WriteLineAsync("shopsync sync: interrupted before the server accepted the job");
            return ExitCodes.Interrupted;
        }
        if (context.Get(CancelOnInterrupt))
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(40));
            var reply = await context.Client.Jobs.CancelJobAsync(
                new CancelJobRequest { JobId = jobId }, new Client.ShopSyncCallOptions { Timeout = TimeSpan.FromSeconds(35) }, deadline.Token);
            await context.Console.Error.WriteLineAsync(reply.Stopped
                ? $"Cancelled job {jobId} ({Format.Status(reply.Job.Status)}, {Format.Result(reply.Job.LastResult)})."
                : $"Cancellation of job {jobId} requested; its handler has not stopped yet. Check with: shopsync jobs show {jobId}");
            return ExitCodes.Interrupted;
        }
        await context.Console.Error.WriteLineAsync(
            $"Detached from job {jobId}; it keeps running on the server. Re-attach with: shopsync jobs watch {jobId}");
        return ExitCodes.Interrupted;
    }
}
