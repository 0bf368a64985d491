namespace ShopSync.Queue.Recurrence;

/// <summary>What a recurring entry does after its last attempt failed.</summary>
public enum RecurrenceFailurePolicy
{
    /// <summary>The ERP's default: the entry goes to Error and stops recurring.</summary>
    Stop = 0,

    /// <summary>The failure is recorded and the next occurrence still runs.</summary>
    KeepRecurring = 1,
}
