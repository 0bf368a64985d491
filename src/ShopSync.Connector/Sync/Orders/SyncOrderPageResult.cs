namespace ShopSync.Connector.Sync;

/// <summary>What one or more pages of Sync Orders did.</summary>
internal sealed class SyncOrderPageResult
{
    public long Imported { get; set; }
    public long Updated { get; set; }
    public long Unchanged { get; set; }
    public long FilteredOut { get; set; }
    public long MarkedAsUpdates { get; set; }

    public void Add(SyncOrderPageResult other)
    {
        Imported += other.Imported;
        Updated += other.Updated;
        Unchanged += other.Unchanged;
        FilteredOut += other.FilteredOut;
        MarkedAsUpdates += other.MarkedAsUpdates;
    }

    public string Describe() =>
        $"{Imported} new, {Updated} updated ({MarkedAsUpdates} after their sales document), {Unchanged} unchanged, {FilteredOut} outside the filters";
}
