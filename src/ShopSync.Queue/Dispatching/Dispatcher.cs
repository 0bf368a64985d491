using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Handlers;
using ShopSync.Queue.Storage;

namespace ShopSync.Queue.Dispatching;

/// <summary>
/// Runs due entries. Categories with possible work sit in a round-robin queue; a free slot takes the next category
/// and claims its head in the database (which enforces the category rule). A finishing run hands its slot to the
/// next entry of its category in the same transaction when no other category is waiting for a slot, which makes
/// the per-category handover one commit. Wake-ups come from memory (enqueue, completion, a timer at the earliest
/// known due time); the database is only polled for lease checks and, rarely, for work queued by other nodes.
/// </summary>
internal sealed partial class Dispatcher : IHostedService, IDisposable
{
    private readonly IJobStore _store;
    private readonly JobEventHub _hub;
    private readonly IReportCatalog _catalog;
    private readonly ProgressFlusher _flusher;
    private readonly LeaseKeeper _leases;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger<Dispatcher> _logger;
    private readonly ILoggerFactory _loggerFactory;
    private readonly QueueOptions _options;
    private readonly string _node;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CategoryState> _categories = new(StringComparer.Ordinal);
    private readonly Queue<string> _roundRobin = new();
    private readonly Dictionary<Guid, RunningJob> _running = [];
    private readonly TaskCompletionSource _allStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _timer;
    private DateTimeOffset _armedFor = DateTimeOffset.MaxValue;
    private DateTimeOffset _nextLeaseCheck;
    private DateTimeOffset _nextSafetyPoll;
    private int _claimsInFlight;
    private int _storeCallsInFlight;
    private bool _started;
    private bool _stopping;
    private bool _graceOver;

    public Dispatcher(
        IJobStore store,
        JobEventHub hub,
        IReportCatalog catalog,
        ProgressFlusher flusher,
        IServiceScopeFactory scopes,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        IOptions<QueueOptions> options,
        NodeIdentity node,
        Telemetry.QueueMetrics metrics,
        IQueueFeed? feed = null)
    {
        _metrics = metrics;
        _store = store;
        _hub = hub;
        _catalog = catalog;
        _flusher = flusher;
        _scopes = scopes;
        _time = time;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<Dispatcher>();
        _options = options.Value;
        _node = node.Id;
        _leases = new LeaseKeeper(store, hub, catalog, _options, _node, loggerFactory.CreateLogger<LeaseKeeper>(), metrics);
        _feed = feed;
        feed?.Attach(new FeedBridge(this, hub));
    }

    private readonly Telemetry.QueueMetrics _metrics;

    public string NodeId => _node;

    /// <summary>Entries running on this node (for tests and diagnostics).</summary>
    public int RunningCount
    {
        get
        {
            lock (_gate)
            {
                return _running.Count;
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var categories = await _store.FindQueuedCategoriesAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            _started = true;
            _nextLeaseCheck = now;
            _nextSafetyPoll = now + _options.SafetyPollInterval;
            _timer = _time.CreateTimer(static s => ((Dispatcher)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            foreach (var category in categories)
            {
                QueueCategory(category);
            }

            ArmTimer();
        }

        LogStarted(_logger, _node, _options.MaxConcurrency, categories.Count);
        Pump();
    }

    /// <summary>Tells the dispatcher about entries that became Ready (enqueued, set ready, retried, run now).</summary>
    public void Notify(Job job)
    {
        if (!JobStateMachineIsQueued(job.Status))
        {
            return;
        }

        _feed?.WorkQueued(job.CategoryCode, job.EarliestStart);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (job.EarliestStart <= now)
            {
                QueueCategory(job.CategoryCode);
            }
            else
            {
                SetNextDue(job.CategoryCode, job.EarliestStart);
            }
        }

        Pump();
    }

    /// <summary>Notify for many entries (bulk enqueue) with one pump.</summary>
    public void Notify(IReadOnlyList<Job> jobs)
    {
        var now = _time.GetUtcNow();
        var later = false;
        lock (_gate)
        {
            foreach (var job in jobs)
            {
                if (!JobStateMachineIsQueued(job.Status))
                {
                    continue;
                }

                _feed?.WorkQueued(job.CategoryCode, job.EarliestStart);
                if (job.EarliestStart <= now)
                {
                    QueueCategory(job.CategoryCode);
                }
                else
                {
                    later = true;
                    RecordNextDue(job.CategoryCode, job.EarliestStart);
                }
            }

            // Arming looks at every category: once per call, not once per entry.
            if (later)
            {
                ArmTimer();
            }
        }

        Pump();
    }

    /// <summary>The local run of an entry, if it runs here.</summary>
    public RunningJob? FindRun(Guid jobId)
    {
        lock (_gate)
        {
            return _running.GetValueOrDefault(jobId);
        }
    }

    public void Dispose() => _timer?.Dispose();

    private static bool JobStateMachineIsQueued(JobStatus status) => status is JobStatus.Ready or JobStatus.Waiting;

    /// <summary>Caller holds the lock.</summary>
    private void QueueCategory(string category)
    {
        if (!_categories.TryGetValue(category, out var state))
        {
            _categories[category] = state = new CategoryState();
        }

        if (!state.Busy && !state.Queued)
        {
            state.Queued = true;
            _roundRobin.Enqueue(category);
        }
        else if (state.Busy)
        {
            state.Recheck = true;
        }
    }

    /// <summary>Caller holds the lock.</summary>
    private void SetNextDue(string category, DateTimeOffset due)
    {
        RecordNextDue(category, due);
        ArmTimer();
    }

    /// <summary>Caller holds the lock and arms the timer.</summary>
    private void RecordNextDue(string category, DateTimeOffset due)
    {
        if (!_categories.TryGetValue(category, out var state))
        {
            _categories[category] = state = new CategoryState();
        }

        if (state.NextDueAt is null || due < state.NextDueAt)
        {
            state.NextDueAt = due;
        }
    }
}
