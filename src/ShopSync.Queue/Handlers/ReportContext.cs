using Microsoft.Extensions.Logging;
using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Handlers;

/// <summary>Everything a handler gets for one run.</summary>
public sealed class ReportContext
{
    /// <summary>Creates a context (the dispatcher does; tests may too).</summary>
    public ReportContext(
        Job job,
        IJobProgress progress,
        IServiceProvider services,
        ILogger logger,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        Job = job;
        Progress = progress;
        Services = services;
        Logger = logger;
        TimeProvider = timeProvider;
        CancellationToken = cancellationToken;
    }

    /// <summary>The entry as claimed for this run.</summary>
    public Job Job { get; }

    /// <summary>The entry id.</summary>
    public Guid JobId => Job.Id;

    /// <summary>The shop.</summary>
    public string ShopCode => Job.ShopCode;

    /// <summary>Request-page filters as stored.</summary>
    public IReadOnlyList<RequestPageFilter> Filters => Job.Filters;

    /// <summary>Request-page options as stored.</summary>
    public IReadOnlyList<RequestPageOption> Options => Job.Options;

    /// <summary>This run's attempt number (1-based).</summary>
    public int Attempt => Job.Attempts;

    /// <summary>The checkpoint a previous attempt saved, if any.</summary>
    public string? Checkpoint => Job.Checkpoint;

    /// <summary>Progress and checkpoints.</summary>
    public IJobProgress Progress { get; }

    /// <summary>A service scope for this run.</summary>
    public IServiceProvider Services { get; }

    /// <summary>A logger for the handler.</summary>
    public ILogger Logger { get; }

    /// <summary>The clock.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Cancelled on cancel, timeout, shutdown or lost lease.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The value of an option, or null.</summary>
    public string? GetOption(string name)
    {
        foreach (var option in Job.Options)
        {
            if (string.Equals(option.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return option.Value;
            }
        }

        return null;
    }
}
