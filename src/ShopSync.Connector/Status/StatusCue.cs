namespace ShopSync.Connector.Status;

/// <summary>The status cues ("Shopify Activities"). Values match <c>shopsync.v1.Cue</c>.</summary>
public enum StatusCue
{
    /// <summary>Imported Shopify customers with no ERP customer linked.</summary>
    UnmappedCustomers = 1,

    /// <summary>Imported Shopify companies with no ERP customer linked.</summary>
    UnmappedCompanies = 2,

    /// <summary>Imported Shopify products with no ERP item linked.</summary>
    UnmappedProducts = 3,

    /// <summary>Imported orders with no sales document yet.</summary>
    UnprocessedOrders = 4,

    /// <summary>Orders changed in Shopify after their sales document was created.</summary>
    UnprocessedOrderUpdates = 5,

    /// <summary>Posted shipments of Shopify orders not yet sent as fulfillments.</summary>
    UnprocessedShipments = 6,

    /// <summary>Posted shipments whose fulfillment failed.</summary>
    ShipmentErrors = 7,

    /// <summary>Failed runs of the sync tasks (from the job log, not the connector tables).</summary>
    SynchronizationErrors = 8,

    /// <summary>Records a sync skipped.</summary>
    SkippedRecords = 9,

    /// <summary>Shopify API calls that failed.</summary>
    ApiErrors = 10,
}
