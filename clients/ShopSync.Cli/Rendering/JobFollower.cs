using Google.Protobuf;
using ShopSync.Cli.Infrastructure;
using ShopSync.Contracts.V1;
using Spectre.Console;

namespace ShopSync.Cli.Rendering;

/// <summary>
/// Follows a job's event stream: a live progress bar on a terminal, one plain line per event otherwise,
/// JSON lines with --json. Returns what it saw; cancellation (Ctrl+C) propagates to the caller.
/// </summary>
internal static class JobFollower
{
    /// <summary>One streamed item: the raw message (for JSON) and the event or snapshot it carries.</summary>
    public readonly record struct Item(IMessage Message, JobEvent? Event, Job? Snapshot);

    public static async Task FollowAsync(CliContext context, IAsyncEnumerable<Item> items, JobProgressState state)
    {
        if (context.Json || !context.Console.IsTerminal)
        {
            await foreach (var item in items.WithCancellation(context.Interrupt))
            {
                var line = Apply(state, item);
                if (context.Json)
                {
                    context.Output.Json(item.Message);
                }
                else if (line is not null)
                {
                    context.Output.Line(line);
                }
            }
            return;
        }
        await context.Console.Ansi.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 30 }, new PercentageColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("connecting", maxValue: 100);
                await foreach (var item in items.WithCancellation(context.Interrupt))
                {
                    Apply(state, item);
                    task.IsIndeterminate = state.Percent < 0;
                    task.Value = Math.Clamp(state.Percent, 0, 100);
                    task.Description = Markup.Escape(Describe(state));
                    if (state.Completed is not null)
                    {
                        task.StopTask();
                    }
                    progress.Refresh();
                }
            });
    }

    private static string? Apply(JobProgressState state, Item item)
    {
        if (item.Snapshot is { } snapshot)
        {
            state.Apply(snapshot);
            return $"job {snapshot.Id}: {Format.Status(snapshot.Status)}, task {snapshot.ReportId}, shop {snapshot.ShopCode}";
        }
        return item.Event is { } e ? state.Apply(e) : null;
    }

    private static string Describe(JobProgressState state)
    {
        var c = state.Counters;
        // The whole id: ids are time-ordered (UUIDv7), so any prefix is shared by jobs of the same minute.
        return $"job {state.JobId} | {state.State} | done {c.Done} failed {c.Failed} skipped {c.Skipped}";
    }
}
