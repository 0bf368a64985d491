namespace ShopSync.Connector.Status;

/// <summary>From which count a cue is a warning or an alert; 0 = never.</summary>
/// <param name="WarningFrom">The count from which the level is Warning (0 = never).</param>
/// <param name="AlertFrom">The count from which the level is Alert (0 = never).</param>
public sealed record CueThreshold(long WarningFrom, long AlertFrom)
{
    /// <summary>The ERP's default: warning from 1, alert from 5.</summary>
    public static CueThreshold Default { get; } = new(1, 5);

    /// <summary>The level of <paramref name="count"/>.</summary>
    public CueLevel LevelOf(long count) =>
        AlertFrom > 0 && count >= AlertFrom ? CueLevel.Alert
        : WarningFrom > 0 && count >= WarningFrom ? CueLevel.Warning
        : CueLevel.Ok;
}
