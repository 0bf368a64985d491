namespace ShopSync.Connector.Status;

/// <summary>One record behind a cue.</summary>
/// <param name="ShopCode">The shop.</param>
/// <param name="Key">The record's key (Shopify id, shipment no., …).</param>
/// <param name="Description">What the record is.</param>
/// <param name="Reason">Why it is behind the cue.</param>
/// <param name="Time">When it was imported, failed or last changed.</param>
public sealed record CueRecordItem(string ShopCode, string Key, string Description, string Reason, DateTimeOffset? Time);
