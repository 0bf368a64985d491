namespace ShopSync.Connector.Status;

/// <summary>Every stored threshold; resolves a (shop, cue) to the shop's own, else the default, else the ERP's default.</summary>
public sealed class CueThresholdSet
{
    private readonly IReadOnlyDictionary<(string Shop, StatusCue Cue), CueThreshold> _thresholds;

    internal CueThresholdSet(IReadOnlyDictionary<(string Shop, StatusCue Cue), CueThreshold> thresholds)
    {
        _thresholds = thresholds;
    }

    /// <summary>The threshold that applies to <paramref name="cue"/> of <paramref name="shopCode"/>.</summary>
    public CueThreshold For(string shopCode, StatusCue cue) =>
        _thresholds.GetValueOrDefault((shopCode, cue)) ?? _thresholds.GetValueOrDefault(("", cue)) ?? CueThreshold.Default;
}
