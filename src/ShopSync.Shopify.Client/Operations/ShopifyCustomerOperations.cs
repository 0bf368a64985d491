namespace ShopSync.Shopify.Client;

/// <summary>Customer and company documents (Sync Customers 30100, Sync Companies 30114).</summary>
public static class ShopifyCustomerOperations
{
    /// <summary>Customers page sorted by UPDATED_AT; <c>$query</c> e.g. <c>updated_at:&gt;'…'</c>.</summary>
    public static readonly ShopifyOperation<CustomersData> Customers = new(
        "ShopSyncCustomers",
        $$"""
        query ShopSyncCustomers($first: Int!, $after: String, $query: String) {
          customers(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
            nodes {
              id email phone firstName lastName state taxExempt tags note createdAt updatedAt
              defaultAddress { {{ShopifyOrderOperations.AddressFields}} }
              amountSpent { amount currencyCode }
            }
            pageInfo { hasNextPage endCursor }
          }
        }
        """,
        ShopifyJsonContext.Default.CustomersData);

    /// <summary>Creates a customer; a duplicate e-mail is a userError, not an exception.</summary>
    public static readonly ShopifyOperation<CustomerCreateData> CustomerCreate = new(
        "ShopSyncCustomerCreate",
        """
        mutation ShopSyncCustomerCreate($input: CustomerInput!) {
          customerCreate(input: $input) {
            customer { id email }
            userErrors { field message }
          }
        }
        """,
        ShopifyJsonContext.Default.CustomerCreateData);

    /// <summary>The company fields Sync Companies reads, shared by the companies page and companyCreate's payload.</summary>
    /// <summary>
    /// Fields of a company location's <c>CompanyAddress</c>, which is not a <c>MailingAddress</c>: companyName,
    /// countryCode and zoneCode where a mailing address has company, countryCodeV2 and provinceCode.
    /// </summary>
    public const string CompanyAddressFields = "firstName lastName recipient companyName address1 address2 city province zoneCode zip country countryCode phone";

    public const string CompanyFields = $$"""
        id name externalId note createdAt updatedAt
        mainContact { id customer { id email firstName lastName phone } }
        locations(first: 10) {
          nodes {
            id name externalId
            billingAddress { {{CompanyAddressFields}} }
            shippingAddress { {{CompanyAddressFields}} }
          }
          pageInfo { hasNextPage endCursor }
        }
        """;

    /// <summary>B2B companies page with up to 10 locations each; <c>$query</c> also takes <c>external_id:'…'</c>.</summary>
    public static readonly ShopifyOperation<CompaniesData> Companies = new(
        "ShopSyncCompanies",
        $$"""
        query ShopSyncCompanies($first: Int!, $after: String, $query: String) {
          companies(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
            nodes { {{CompanyFields}} }
            pageInfo { hasNextPage endCursor }
          }
        }
        """,
        ShopifyJsonContext.Default.CompaniesData);

    /// <summary>Creates a company with its main contact and first location; a taken external id or a blank name is a userError.</summary>
    public static readonly ShopifyOperation<CompanyCreateData> CompanyCreate = new(
        "ShopSyncCompanyCreate",
        $$"""
        mutation ShopSyncCompanyCreate($input: CompanyCreateInput!) {
          companyCreate(input: $input) {
            company { {{CompanyFields}} }
            userErrors { field message code }
          }
        }
        """,
        ShopifyJsonContext.Default.CompanyCreateData);
}

/// <summary><c>data</c> of <see cref="ShopifyCustomerOperations.Customers"/>.</summary>
public sealed record CustomersData(ShopifyConnection<ShopifyCustomer> Customers);

/// <summary><c>data</c> of <see cref="ShopifyCustomerOperations.CustomerCreate"/>.</summary>
public sealed record CustomerCreateData(CustomerCreatePayload? CustomerCreate);

/// <summary>customerCreate payload.</summary>
public sealed record CustomerCreatePayload(ShopifyCreatedCustomer? Customer, IReadOnlyList<ShopifyUserError> UserErrors);

/// <summary><c>data</c> of <see cref="ShopifyCustomerOperations.Companies"/>.</summary>
public sealed record CompaniesData(ShopifyConnection<ShopifyCompany> Companies);

/// <summary><c>data</c> of <see cref="ShopifyCustomerOperations.CompanyCreate"/>.</summary>
public sealed record CompanyCreateData(CompanyCreatePayload? CompanyCreate);

/// <summary>companyCreate payload.</summary>
public sealed record CompanyCreatePayload(ShopifyCompany? Company, IReadOnlyList<ShopifyUserError> UserErrors);
