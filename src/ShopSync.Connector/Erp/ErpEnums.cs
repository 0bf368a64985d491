namespace ShopSync.Connector.Erp;

/// <summary>Kind of an ERP sales document created from a Shopify order.</summary>
public enum ErpSalesDocumentType
{
    Order = 1,
    Invoice = 2,
}

/// <summary>Where a sales document stands; posted documents are kept (with their posted counterparts) for history.</summary>
public enum ErpSalesDocumentStatus
{
    Open = 1,
    Posted = 2,
}

/// <summary>Whether a posted shipment has reached Shopify as a fulfillment.</summary>
public enum ErpFulfillmentState
{
    Pending = 1,
    Sent = 2,
    Error = 3,
    Skipped = 4,
}

/// <summary>A sales line sells an item, or is a charge (shipping) without one.</summary>
public enum ErpSalesLineType
{
    Item = 1,
    Charge = 2,
}
