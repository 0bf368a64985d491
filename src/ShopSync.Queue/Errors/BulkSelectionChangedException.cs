namespace ShopSync.Queue.Errors;

/// <summary>A bulk update's selection no longer matches the count the operator confirmed (maps to FAILED_PRECONDITION).</summary>
public sealed class BulkSelectionChangedException : JobQueueException
{
    /// <summary>Creates the exception.</summary>
    public BulkSelectionChangedException(int expected, int matched)
        : base($"expected_count: the selection matches {matched} entries now, not the {expected} confirmed; nothing was changed. Count again and confirm.")
    {
        Expected = expected;
        Matched = matched;
    }

    /// <summary>The confirmed count.</summary>
    public int Expected { get; }

    /// <summary>What the selection matches now.</summary>
    public int Matched { get; }
}
