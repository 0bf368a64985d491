namespace ShopSync.Queue.Entries;

/// <summary>Defaults and limits of job queue entry fields.</summary>
public static class JobDefaults
{
    /// <summary>Default priority within a category.</summary>
    public const int Priority = 1000;

    /// <summary>Default job queue category (the connector puts every Shopify job in one category).</summary>
    public const string CategoryCode = "SHPFY";

    /// <summary>Largest allowed max attempts.</summary>
    public const int MaxAttemptsLimit = 10;

    /// <summary>Largest allowed rerun delay.</summary>
    public static readonly TimeSpan RerunDelayLimit = TimeSpan.FromSeconds(3600);

    /// <summary>Default job timeout (the ERP's default).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromHours(12);

    /// <summary>Longest allowed job timeout.</summary>
    public static readonly TimeSpan TimeoutLimit = TimeSpan.FromDays(7);

    /// <summary>Longest category code: the same everywhere (enqueue, schedules, a shop's job_queue_category), as Code[10] in Business Central.</summary>
    public const int CategoryCodeMaxLength = 10;

    /// <summary>Longest shop code.</summary>
    public const int ShopCodeMaxLength = 50;

    /// <summary>Longest description.</summary>
    public const int DescriptionMaxLength = 250;
}
