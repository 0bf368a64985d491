namespace ShopSync.Queue.Recurrence;

/// <summary>
/// The ERP's Next Run Date Formula (e.g. <c>1D</c>, <c>CM+1D</c>, <c>WD1</c>): each run is at
/// <see cref="StartingTime"/> local time on the date the formula gives from the previous run's date.
/// The accepted subset is documented in docs/recurrence.md.
/// </summary>
/// <param name="Formula">The formula text.</param>
/// <param name="StartingTime">Local time of day of each run; null = 00:00.</param>
public sealed record DateFormulaForm(string Formula, TimeOnly? StartingTime = null) : RecurrenceForm;
