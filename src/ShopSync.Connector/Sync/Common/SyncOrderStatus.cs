namespace ShopSync.Connector.Sync;

/// <summary>Where an imported order stands in Create Sales Orders.</summary>
public enum SyncOrderStatus
{
    /// <summary>No sales document yet (new, or waiting for a mapping: see the processing error).</summary>
    Unprocessed = 1,

    /// <summary>A sales order or invoice was created.</summary>
    Processed = 2,

    /// <summary>Not to be processed (cancelled in Shopify).</summary>
    Ignored = 3,
}
