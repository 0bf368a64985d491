namespace ShopSync.Shopify.Client;

/// <summary>A customer as read by Sync Customers (30100).</summary>
public sealed record ShopifyCustomer(
    string Id,
    string? Email,
    string? Phone,
    string? FirstName,
    string? LastName,
    string State,
    bool TaxExempt,
    IReadOnlyList<string> Tags,
    string? Note,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    ShopifyAddress? DefaultAddress,
    ShopifyMoney? AmountSpent);

/// <summary>Input of <c>customerCreate</c>.</summary>
public sealed record ShopifyCustomerInput(
    string? Email,
    string? FirstName = null,
    string? LastName = null,
    string? Phone = null,
    string? Note = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyList<ShopifyAddressInput>? Addresses = null);

/// <summary>Address input (<c>MailingAddressInput</c>).</summary>
public sealed record ShopifyAddressInput(
    string? Address1 = null,
    string? Address2 = null,
    string? City = null,
    string? Zip = null,
    string? CountryCode = null,
    string? ProvinceCode = null,
    string? Company = null,
    string? FirstName = null,
    string? LastName = null,
    string? Phone = null);

/// <summary>What <c>customerCreate</c> returns.</summary>
public sealed record ShopifyCreatedCustomer(string Id, string? Email);

/// <summary>A B2B company as read by Sync Companies (30114).</summary>
public sealed record ShopifyCompany(
    string Id,
    string Name,
    string? ExternalId,
    string? Note,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    ShopifyCompanyContact? MainContact,
    ShopifyConnection<ShopifyCompanyLocation> Locations);

/// <summary>The main contact of a company.</summary>
public sealed record ShopifyCompanyContact(string Id, ShopifyOrderCustomer? Customer);

/// <summary>A company location (the B2B ship-to / bill-to).</summary>
public sealed record ShopifyCompanyLocation(string Id, string Name, string? ExternalId, ShopifyCompanyAddress? BillingAddress, ShopifyCompanyAddress? ShippingAddress);

/// <summary>A company location's billing or shipping address (Shopify's <c>CompanyAddress</c>).</summary>
public sealed record ShopifyCompanyAddress(
    string? FirstName,
    string? LastName,
    string? Recipient,
    string? CompanyName,
    string? Address1,
    string? Address2,
    string? City,
    string? Province,
    string? ZoneCode,
    string? Zip,
    string? Country,
    string? CountryCode,
    string? Phone);
