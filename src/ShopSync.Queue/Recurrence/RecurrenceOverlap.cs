namespace ShopSync.Queue.Recurrence;

/// <summary>What happens to an occurrence that falls while the previous run is still in process.</summary>
public enum RecurrenceOverlap
{
    /// <summary>The overlapped occurrence is dropped.</summary>
    Skip = 0,

    /// <summary>At most one overlapped occurrence (the latest) runs right after the running one.</summary>
    BufferOne = 1,
}
