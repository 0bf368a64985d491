namespace ShopSync.Queue.Dispatching;

/// <summary>What this node knows of one category (memory only speeds up wake-ups; the database decides).</summary>
internal sealed class CategoryState
{
    /// <summary>A claim is in flight, or an entry of the category runs here.</summary>
    public bool Busy { get; set; }

    /// <summary>The category sits in the round-robin queue.</summary>
    public bool Queued { get; set; }

    /// <summary>Work arrived while busy: look again when the current claim or run ends.</summary>
    public bool Recheck { get; set; }

    /// <summary>When the category next has something due (a timer wakes it then).</summary>
    public DateTimeOffset? NextDueAt { get; set; }
}
