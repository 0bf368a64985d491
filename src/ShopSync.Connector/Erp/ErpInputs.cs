namespace ShopSync.Connector.Erp;

// The ERP book's input records, grouped: each is a plain field list mirroring erp_book.proto.

/// <summary>An item with its variants (replaces the stored variants).</summary>
public sealed record ErpItemInput(string No, string Description, string? Sku, string? Barcode, decimal UnitPrice,
    string? Vendor = null, string? ItemCategory = null, bool Blocked = false, IReadOnlyList<ErpVariantInput>? Variants = null);

/// <summary>A variant of an item; a null price sells at the item's price.</summary>
public sealed record ErpVariantInput(string Code, string Description, string? Sku = null, string? Barcode = null, decimal? UnitPrice = null);

/// <summary>A price of an item or variant for a price group ("" = the item's own unit price).</summary>
public sealed record ErpPriceInput(string ItemNo, string VariantCode, string PriceGroup, decimal UnitPrice, string? CurrencyCode = null);

/// <summary>A stock quantity of an item or variant at a location.</summary>
public sealed record ErpStockInput(string ItemNo, string VariantCode, string LocationCode, decimal Quantity);

/// <summary>A customer.</summary>
public sealed record ErpCustomerInput(string No, string Name, string? Email = null, string? Phone = null, string? Address = null,
    string? City = null, string? PostCode = null, string? CountryCode = null, string? PriceGroup = null, bool Blocked = false);

/// <summary>A shipment to post for a sales order; no lines = everything left to ship.</summary>
public sealed record ErpShipmentInput(string SalesOrderNo, string? TrackingNumber, string? TrackingCompany, string? TrackingUrl,
    IReadOnlyList<ErpShipmentLineInput>? Lines = null, DateOnly? PostingDate = null);

/// <summary>A quantity to ship of one sales order line.</summary>
public sealed record ErpShipmentLineInput(int LineNo, decimal Quantity);

/// <summary>Created and updated counts of an upsert.</summary>
public sealed record ErpUpsertResult(int Created, int Updated);
