namespace ShopSync.Queue.Scheduling;

/// <summary>Filters and keyset paging (by id, which is creation order) for listing schedules.</summary>
public sealed record ScheduleQuery
{
    /// <summary>Only this shop.</summary>
    public string? ShopCode { get; init; }

    /// <summary>Only this report (0: any).</summary>
    public int ReportId { get; init; }

    /// <summary>1..1000.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Schedules with an id after this one (the last id of the previous page).</summary>
    public Guid? After { get; init; }
}
