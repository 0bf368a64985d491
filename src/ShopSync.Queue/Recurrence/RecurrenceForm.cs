namespace ShopSync.Queue.Recurrence;

/// <summary>
/// The shape of a recurring schedule: <see cref="WeeklyForm"/>, <see cref="DateFormulaForm"/> or <see cref="CronForm"/>
/// (the proto's <c>oneof form</c>).
/// </summary>
public abstract record RecurrenceForm
{
    private protected RecurrenceForm()
    {
    }
}
