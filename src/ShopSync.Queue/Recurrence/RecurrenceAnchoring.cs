namespace ShopSync.Queue.Recurrence;

/// <summary>How the next occurrence relates to the previous run.</summary>
public enum RecurrenceAnchoring
{
    /// <summary>Occurrences are a fixed grid given by the schedule alone; a slow run does not shift later runs.</summary>
    FixedRate = 0,

    /// <summary>The ERP's behaviour: the next occurrence is computed from the completion of the previous run.</summary>
    FixedDelay = 1,
}
