using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ShopSync.Storage.Postgres.Connector.Migrations
{
    /// <inheritdoc />
    public partial class InitialConnector : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_protection_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "erp_customers",
                columns: table => new
                {
                    No = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "text", nullable: true),
                    NormalizedEmail = table.Column<string>(type: "text", nullable: true),
                    Phone = table.Column<string>(type: "text", nullable: true),
                    NormalizedPhone = table.Column<string>(type: "text", nullable: true),
                    Address = table.Column<string>(type: "text", nullable: true),
                    City = table.Column<string>(type: "text", nullable: true),
                    PostCode = table.Column<string>(type: "text", nullable: true),
                    CountryCode = table.Column<string>(type: "text", nullable: true),
                    PriceGroup = table.Column<string>(type: "text", nullable: true),
                    Blocked = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_erp_customers", x => x.No);
                });

            migrationBuilder.CreateTable(
                name: "erp_item_pictures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemNo = table.Column<string>(type: "text", nullable: false),
                    Url = table.Column<string>(type: "text", nullable: false),
                    AltText = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_erp_item_pictures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "erp_item_prices",
                columns: table => new
                {
                    PriceGroup = table.Column<string>(type: "text", nullable: false),
                    ItemNo = table.Column<string>(type: "text", nullable: false),
                    VariantCode = table.Column<string>(type: "text", nullable: false),
                    UnitPrice = table.Column<decimal>(type: "numeric", nullable: false),
                    CurrencyCode = table.Column<string>(type: "text", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_erp_item_prices", x => new { x.PriceGroup, x.ItemNo, x.VariantCode });
                });

            migrationBuilder.CreateTable(
                name: "erp_item_variants",
                columns: table => new
                {
                    ItemNo = table.Column<string>(type: "text", nullable: false),
                    Code = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Sku = table.Column<string>(type: "text", nullable: true),
                    Barcode = table.Column<string>(type: "text", nullable: true),
                    UnitPrice = table.Column<decimal>(type: "numeric", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_erp_item_variants", x => new { x.ItemNo, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "erp_items",
                columns: table => new
                {
                    No = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Sku = table.Column<string>(type: "text", nullable: true),
                    Barcode = table.Column<string>(type: "text", nullable: true),
                    UnitPrice = table.Column<decimal>(type: "numeric", nullable: false),
                    Vendor = table.Column<string>(type: "text", nullable: true),
                    ItemCategory = table.Column<string>(type: "text", nullable: true),
                    Blocked = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_erp_items", x => x.No);
                });

            migrationBuilder.CreateTable(
                name: "erp_number_series",
                columns: table => new
                {
                    Code = table.Column<string>(type: "text", nullable: false),
                    LastNo = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_erp_number_series", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "erp_payments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ShopCode = table.Column<string>(type: "text", nullable: false),
                    ShopifyTransactionId = table.Column<string>(type: "text", nullable: false),
                    TransactionType = table.Column<string>(type: "text", nullable: false),
                    Test = table.Column<bool>(type: "boolean", nullable: false),
                    TransactionDate = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric", nullable: false),
                    Fee = table.Column<decimal>(type: "numeric", nullable: false),
                    Net = table.Column<decimal>(type: "numeric", nullable: false),
                    CurrencyCode = table.Column<string>(type: "text", nullable: false),
                    ShopifyOrderId = table.Column<string>(type: "text", nullable: true),
                    ShopifyOrderNo = table.Column<string>(type: "text", nullable: true),
                    SalesDocumentNo = table.Column<string>(type: "text", nullable: true),
                    ShopifyPayoutId = table.Column<string>(type: "text", nullable: true),
                    PayoutStatus = table.Column<string>(type: "text", nullable: true),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_erp_payments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "erp_posted_invoices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    No = table.Column<string>(type: "text", nullable: false),
                    SourceDocumentNo = table.Column<string>(type: "text", nullable: false),
                    ShopCode = table.Column<string>(type: "text", nullable: true),
                    ShopifyOrderId = table.Column<string>(type: "text", nullable: true),
                    ShopifyOrderNo = table.Column<string>(type: "text", nullable: true),
                    CustomerNo = table.Column<string>(type: "text", nullable: false),
                    PostingDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CurrencyCode = table.Column<string>(type: "text", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric", nullable: false),
                    AmountIncludingTax = table.Column<decimal>(type: "numeric", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_erp_posted_invoices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "erp_posted_shipments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    No = table.Column<string>(type: "text", nullable: false),
                    SalesOrderNo = table.Column<string>(type: "text", nullable: false),
                    ShopCode = table.Column<string>(type: "text", nullable: true),
                    ShopifyOrderId = table.Column<string>(type: "text", nullable: true),
                    ShopifyOrderNo = table.Column<string>(type: "text", nullable: true),
                    CustomerNo = table.Column<string>(type: "text", nullable: false),
                    PostingDate = table.Column<DateOnly>(type: "date", nullable: false),
                    TrackingNumber = table.Column<string>(type: "text", nullable: true),
                    TrackingCompany = table.Column<string>(type: "text", nullable: true),
                    TrackingUrl = table.Column<string>(type: "text", nullable: true),
                    FulfillmentState = table.Column<int>(type: "integer", nullable: false),
                    FulfillmentError = table.Column<string>(type: "text", nullable: true),
                    ShopifyFulfillmentId = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FulfillmentUpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_erp_posted_shipments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "erp_sales_documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentType = table.Column<int>(type: "integer", nullable: false),
                    No = table.Column<string>(type: "text", nullable: false),
                    ShopCode = table.Column<string>(type: "text", nullable: true),
                    ShopifyOrderId = table.Column<string>(type: "text", nullable: true),
                    ShopifyOrderNo = table.Column<string>(type: "text", nullable: true),
                    CustomerNo = table.Column<string>(type: "text", nullable: false),
                    ShipToName = table.Column<string>(type: "text", nullable: true),
                    ShipToAddress = table.Column<string>(type: "text", nullable: true),
                    ShipToCity = table.Column<string>(type: "text", nullable: true),
                    ShipToPostCode = table.Column<string>(type: "text", nullable: true),
                    ShipToCountryCode = table.Column<string>(type: "text", nullable: true),
                    OrderDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CurrencyCode = table.Column<string>(type: "text", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric", nullable: false),
                    AmountIncludingTax = table.Column<decimal>(type: "numeric", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    PostingDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_erp_sales_documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "erp_stock",
                columns: table => new
                {
                    ItemNo = table.Column<string>(type: "text", nullable: false),
                    VariantCode = table.Column<string>(type: "text", nullable: false),
                    LocationCode = table.Column<string>(type: "text", nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_erp_stock", x => new { x.ItemNo, x.VariantCode, x.LocationCode });
                });

            migrationBuilder.CreateTable(
                name: "request_page_defaults",
                columns: table => new
                {
                    ShopCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    FiltersJson = table.Column<string>(type: "text", nullable: false),
                    OptionsJson = table.Column<string>(type: "text", nullable: false),
                    UpdatedAtTicks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_request_page_defaults", x => new { x.ShopCode, x.ReportId });
                });

            migrationBuilder.CreateTable(
                name: "shopify_api_calls",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ShopCode = table.Column<string>(type: "text", nullable: false),
                    OperationName = table.Column<string>(type: "text", nullable: false),
                    IsMutation = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    Failed = table.Column<bool>(type: "boolean", nullable: false),
                    HttpStatus = table.Column<int>(type: "integer", nullable: true),
                    RequestedCost = table.Column<int>(type: "integer", nullable: true),
                    ActualCost = table.Column<int>(type: "integer", nullable: true),
                    Retries = table.Column<int>(type: "integer", nullable: false),
                    ThrottledCount = table.Column<int>(type: "integer", nullable: false),
                    RequestId = table.Column<string>(type: "text", nullable: true),
                    Error = table.Column<string>(type: "text", nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DurationMs = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shopify_api_calls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "shops",
                columns: table => new
                {
                    NormalizedCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ShopifyUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    ApiVersion = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ProtectedAccessToken = table.Column<string>(type: "text", nullable: true),
                    ProtectedWebhookSecret = table.Column<string>(type: "text", nullable: true),
                    AllowBackgroundSyncs = table.Column<bool>(type: "boolean", nullable: false),
                    AutoCreateUnknownCustomers = table.Column<bool>(type: "boolean", nullable: false),
                    AutoCreateUnknownItems = table.Column<bool>(type: "boolean", nullable: false),
                    CustomerMapping = table.Column<int>(type: "integer", nullable: false),
                    DefaultCustomerNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ItemSync = table.Column<int>(type: "integer", nullable: false),
                    ImageSync = table.Column<int>(type: "integer", nullable: false),
                    SyncPricesWithProducts = table.Column<bool>(type: "boolean", nullable: false),
                    InventoryTracked = table.Column<bool>(type: "boolean", nullable: false),
                    AutoCreateSalesDocuments = table.Column<bool>(type: "boolean", nullable: false),
                    CreateInvoicesForFulfilledOrders = table.Column<bool>(type: "boolean", nullable: false),
                    SendShippingConfirmation = table.Column<bool>(type: "boolean", nullable: false),
                    AllowOutgoingRequests = table.Column<bool>(type: "boolean", nullable: false),
                    JobQueueCategory = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    LoggingMode = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shops", x => x.NormalizedCode);
                });

            migrationBuilder.CreateTable(
                name: "status_cue_thresholds",
                columns: table => new
                {
                    ShopCode = table.Column<string>(type: "text", nullable: false),
                    Cue = table.Column<int>(type: "integer", nullable: false),
                    WarningFrom = table.Column<long>(type: "bigint", nullable: false),
                    AlertFrom = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_status_cue_thresholds", x => new { x.ShopCode, x.Cue });
                });

            migrationBuilder.CreateTable(
                name: "sync_catalogs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ShopCode = table.Column<string>(type: "text", nullable: false),
                    ShopifyCatalogId = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    PriceListId = table.Column<string>(type: "text", nullable: true),
                    PriceListCurrency = table.Column<string>(type: "text", nullable: true),
                    PriceGroup = table.Column<string>(type: "text", nullable: false),
                    PricesSyncedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_catalogs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sync_companies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ShopCode = table.Column<string>(type: "text", nullable: false),
                    ShopifyCompanyId = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    ExternalId = table.Column<string>(type: "text", nullable: true),
                    MainContactEmail = table.Column<string>(type: "text", nullable: true),
                    MainContactCustomerId = table.Column<string>(type: "text", nullable: true),
                    LocationCount = table.Column<int>(type: "integer", nullable: false),
                    ShopifyUpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CustomerNo = table.Column<string>(type: "text", nullable: true),
                    MappingError = table.Column<string>(type: "text", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_companies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sync_customers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ShopCode = table.Column<string>(type: "text", nullable: false),
                    ShopifyCustomerId = table.Column<string>(type: "text", nullable: false),
                    Email = table.Column<string>(type: "text", nullable: true),
                    Phone = table.Column<string>(type: "text", nullable: true),
                    FirstName = table.Column<string>(type: "text", nullable: true),
                    LastName = table.Column<string>(type: "text", nullable: true),
                    CountryCode = table.Column<string>(type: "text", nullable: true),
                    State = table.Column<string>(type: "text", nullable: true),
                    ShopifyUpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CustomerNo = table.Column<string>(type: "text", nullable: true),
                    MappingError = table.Column<string>(type: "text", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_customers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sync_disputes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ShopCode = table.Column<string>(type: "text", nullable: false),
                    ShopifyDisputeId = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    Type = table.Column<string>(type: "text", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric", nullable: false),
                    CurrencyCode = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: true),
                    InitiatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EvidenceDueBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinalizedOn = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ShopifyOrderId = table.Column<string>(type: "text", nullable: true),
                    ShopifyOrderNo = table.Column<string>(type: "text", nullable: true),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_disputes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sync_locations",
                columns: table => new
                {
                    ShopCode = table.Column<string>(type: "text", nullable: false),
                    ShopifyLocationId = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    LocationCode = table.Column<string>(type: "text", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_locations", x => new { x.ShopCode, x.ShopifyLocationId });
                });

            migrationBuilder.CreateTable(
                name: "sync_orders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ShopCode = table.Column<string>(type: "text", nullable: false),
                    ShopifyOrderId = table.Column<string>(type: "text", nullable: false),
                    OrderNo = table.Column<string>(type: "text", nullable: false),
                    ShopifyCreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ShopifyUpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    Test = table.Column<bool>(type: "boolean", nullable: false),
                    FinancialStatus = table.Column<string>(type: "text", nullable: false),
                    FulfillmentStatus = table.Column<string>(type: "text", nullable: false),
                    FullyPaid = table.Column<bool>(type: "boolean", nullable: false),
                    Channel = table.Column<string>(type: "text", nullable: true),
                    Tags = table.Column<string>(type: "text", nullable: false),
                    HighRisk = table.Column<bool>(type: "boolean", nullable: false),
                    RiskLevel = table.Column<string>(type: "text", nullable: true),
                    Email = table.Column<string>(type: "text", nullable: true),
                    Phone = table.Column<string>(type: "text", nullable: true),
                    ShopifyCustomerId = table.Column<string>(type: "text", nullable: true),
                    CustomerFirstName = table.Column<string>(type: "text", nullable: true),
                    CustomerLastName = table.Column<string>(type: "text", nullable: true),
                    SellToCountryCode = table.Column<string>(type: "text", nullable: true),
                    ShipToCountryCode = table.Column<string>(type: "text", nullable: true),
                    BillToCountryCode = table.Column<string>(type: "text", nullable: true),
                    ShipToName = table.Column<string>(type: "text", nullable: true),
                    ShipToAddress = table.Column<string>(type: "text", nullable: true),
                    ShipToCity = table.Column<string>(type: "text", nullable: true),
                    ShipToPostCode = table.Column<string>(type: "text", nullable: true),
                    CurrencyCode = table.Column<string>(type: "text", nullable: false),
                    Subtotal = table.Column<decimal>(type: "numeric", nullable: false),
                    TotalTax = table.Column<decimal>(type: "numeric", nullable: false),
                    TotalShipping = table.Column<decimal>(type: "numeric", nullable: false),
                    Total = table.Column<decimal>(type: "numeric", nullable: false),
                    TotalOutstanding = table.Column<decimal>(type: "numeric", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ProcessingError = table.Column<string>(type: "text", nullable: true),
                    SalesDocumentNo = table.Column<string>(type: "text", nullable: true),
                    SalesDocumentType = table.Column<int>(type: "integer", nullable: true),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    HasUnprocessedUpdate = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_orders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sync_payouts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ShopCode = table.Column<string>(type: "text", nullable: false),
                    ShopifyPayoutId = table.Column<string>(type: "text", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    Net = table.Column<decimal>(type: "numeric", nullable: false),
                    CurrencyCode = table.Column<string>(type: "text", nullable: false),
                    ChargesGross = table.Column<decimal>(type: "numeric", nullable: true),
                    ChargesFee = table.Column<decimal>(type: "numeric", nullable: true),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_payouts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sync_products",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ShopCode = table.Column<string>(type: "text", nullable: false),
                    ShopifyProductId = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: true),
                    ShopifyUpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ItemNo = table.Column<string>(type: "text", nullable: true),
                    ItemExportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MappingError = table.Column<string>(type: "text", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_products", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sync_record_issues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ShopCode = table.Column<string>(type: "text", nullable: false),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    RecordKey = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_record_issues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sync_variants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ShopCode = table.Column<string>(type: "text", nullable: false),
                    ShopifyVariantId = table.Column<string>(type: "text", nullable: false),
                    ShopifyProductId = table.Column<string>(type: "text", nullable: false),
                    InventoryItemId = table.Column<string>(type: "text", nullable: true),
                    Sku = table.Column<string>(type: "text", nullable: true),
                    Barcode = table.Column<string>(type: "text", nullable: true),
                    Price = table.Column<decimal>(type: "numeric", nullable: false),
                    ItemNo = table.Column<string>(type: "text", nullable: true),
                    VariantCode = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_variants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sync_watermarks",
                columns: table => new
                {
                    ShopCode = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_watermarks", x => new { x.ShopCode, x.Name });
                });

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                columns: table => new
                {
                    WebhookId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ShopCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Topic = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ReceivedAtTicks = table.Column<long>(type: "bigint", nullable: false),
                    JobId = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_deliveries", x => x.WebhookId);
                });

            migrationBuilder.CreateTable(
                name: "erp_posted_shipment_lines",
                columns: table => new
                {
                    ShipmentId = table.Column<long>(type: "bigint", nullable: false),
                    LineNo = table.Column<int>(type: "integer", nullable: false),
                    LineType = table.Column<int>(type: "integer", nullable: false),
                    ItemNo = table.Column<string>(type: "text", nullable: true),
                    VariantCode = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    ShopifyLineItemId = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_erp_posted_shipment_lines", x => new { x.ShipmentId, x.LineNo });
                    table.ForeignKey(
                        name: "FK_erp_posted_shipment_lines_erp_posted_shipments_ShipmentId",
                        column: x => x.ShipmentId,
                        principalTable: "erp_posted_shipments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "erp_sales_lines",
                columns: table => new
                {
                    DocumentId = table.Column<long>(type: "bigint", nullable: false),
                    LineNo = table.Column<int>(type: "integer", nullable: false),
                    LineType = table.Column<int>(type: "integer", nullable: false),
                    ItemNo = table.Column<string>(type: "text", nullable: true),
                    VariantCode = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    QuantityShipped = table.Column<decimal>(type: "numeric", nullable: false),
                    UnitPrice = table.Column<decimal>(type: "numeric", nullable: false),
                    LineAmount = table.Column<decimal>(type: "numeric", nullable: false),
                    ShopifyLineItemId = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_erp_sales_lines", x => new { x.DocumentId, x.LineNo });
                    table.ForeignKey(
                        name: "FK_erp_sales_lines_erp_sales_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "erp_sales_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sync_order_lines",
                columns: table => new
                {
                    OrderId = table.Column<long>(type: "bigint", nullable: false),
                    LineNo = table.Column<int>(type: "integer", nullable: false),
                    ShopifyLineItemId = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Sku = table.Column<string>(type: "text", nullable: true),
                    ShopifyVariantId = table.Column<string>(type: "text", nullable: true),
                    ShopifyProductId = table.Column<string>(type: "text", nullable: true),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    CurrentQuantity = table.Column<int>(type: "integer", nullable: false),
                    UnitPrice = table.Column<decimal>(type: "numeric", nullable: false),
                    DiscountedTotal = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_order_lines", x => new { x.OrderId, x.LineNo });
                    table.ForeignKey(
                        name: "FK_sync_order_lines_sync_orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "sync_orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_erp_customers_NormalizedEmail",
                table: "erp_customers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_erp_customers_NormalizedPhone",
                table: "erp_customers",
                column: "NormalizedPhone");

            migrationBuilder.CreateIndex(
                name: "IX_erp_item_pictures_ItemNo_Url",
                table: "erp_item_pictures",
                columns: new[] { "ItemNo", "Url" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_erp_item_variants_Sku",
                table: "erp_item_variants",
                column: "Sku");

            migrationBuilder.CreateIndex(
                name: "IX_erp_items_Sku",
                table: "erp_items",
                column: "Sku");

            migrationBuilder.CreateIndex(
                name: "IX_erp_items_UpdatedAt",
                table: "erp_items",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_erp_payments_ShopCode_ShopifyOrderId",
                table: "erp_payments",
                columns: new[] { "ShopCode", "ShopifyOrderId" });

            migrationBuilder.CreateIndex(
                name: "IX_erp_payments_ShopCode_ShopifyTransactionId",
                table: "erp_payments",
                columns: new[] { "ShopCode", "ShopifyTransactionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_erp_posted_invoices_No",
                table: "erp_posted_invoices",
                column: "No",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_erp_posted_invoices_ShopCode_ShopifyOrderNo",
                table: "erp_posted_invoices",
                columns: new[] { "ShopCode", "ShopifyOrderNo" });

            migrationBuilder.CreateIndex(
                name: "IX_erp_posted_invoices_SourceDocumentNo",
                table: "erp_posted_invoices",
                column: "SourceDocumentNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_erp_posted_shipments_No",
                table: "erp_posted_shipments",
                column: "No",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_erp_posted_shipments_SalesOrderNo",
                table: "erp_posted_shipments",
                column: "SalesOrderNo");

            migrationBuilder.CreateIndex(
                name: "IX_erp_posted_shipments_ShopCode_FulfillmentState",
                table: "erp_posted_shipments",
                columns: new[] { "ShopCode", "FulfillmentState" });

            migrationBuilder.CreateIndex(
                name: "IX_erp_posted_shipments_ShopCode_ShopifyOrderNo",
                table: "erp_posted_shipments",
                columns: new[] { "ShopCode", "ShopifyOrderNo" });

            migrationBuilder.CreateIndex(
                name: "IX_erp_sales_documents_No",
                table: "erp_sales_documents",
                column: "No",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_erp_sales_documents_ShopCode_DocumentType_Status",
                table: "erp_sales_documents",
                columns: new[] { "ShopCode", "DocumentType", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_erp_sales_documents_ShopCode_ShopifyOrderId",
                table: "erp_sales_documents",
                columns: new[] { "ShopCode", "ShopifyOrderId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_erp_sales_documents_ShopCode_ShopifyOrderNo",
                table: "erp_sales_documents",
                columns: new[] { "ShopCode", "ShopifyOrderNo" });

            migrationBuilder.CreateIndex(
                name: "IX_shopify_api_calls_ShopCode_Failed_StartedAt",
                table: "shopify_api_calls",
                columns: new[] { "ShopCode", "Failed", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_shopify_api_calls_StartedAt",
                table: "shopify_api_calls",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_sync_catalogs_ShopCode_ShopifyCatalogId",
                table: "sync_catalogs",
                columns: new[] { "ShopCode", "ShopifyCatalogId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sync_companies_ShopCode_CustomerNo",
                table: "sync_companies",
                columns: new[] { "ShopCode", "CustomerNo" });

            migrationBuilder.CreateIndex(
                name: "IX_sync_companies_ShopCode_ShopifyCompanyId",
                table: "sync_companies",
                columns: new[] { "ShopCode", "ShopifyCompanyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sync_customers_ShopCode_CustomerNo",
                table: "sync_customers",
                columns: new[] { "ShopCode", "CustomerNo" });

            migrationBuilder.CreateIndex(
                name: "IX_sync_customers_ShopCode_ShopifyCustomerId",
                table: "sync_customers",
                columns: new[] { "ShopCode", "ShopifyCustomerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sync_disputes_ShopCode_ShopifyDisputeId",
                table: "sync_disputes",
                columns: new[] { "ShopCode", "ShopifyDisputeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sync_disputes_ShopCode_Status",
                table: "sync_disputes",
                columns: new[] { "ShopCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_sync_orders_ShopCode_HasUnprocessedUpdate",
                table: "sync_orders",
                columns: new[] { "ShopCode", "HasUnprocessedUpdate" });

            migrationBuilder.CreateIndex(
                name: "IX_sync_orders_ShopCode_OrderNo",
                table: "sync_orders",
                columns: new[] { "ShopCode", "OrderNo" });

            migrationBuilder.CreateIndex(
                name: "IX_sync_orders_ShopCode_ShopifyOrderId",
                table: "sync_orders",
                columns: new[] { "ShopCode", "ShopifyOrderId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sync_orders_ShopCode_Status_Id",
                table: "sync_orders",
                columns: new[] { "ShopCode", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_sync_payouts_ShopCode_ShopifyPayoutId",
                table: "sync_payouts",
                columns: new[] { "ShopCode", "ShopifyPayoutId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sync_products_ShopCode_ItemNo",
                table: "sync_products",
                columns: new[] { "ShopCode", "ItemNo" });

            migrationBuilder.CreateIndex(
                name: "IX_sync_products_ShopCode_ShopifyProductId",
                table: "sync_products",
                columns: new[] { "ShopCode", "ShopifyProductId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sync_record_issues_ShopCode_Kind",
                table: "sync_record_issues",
                columns: new[] { "ShopCode", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_sync_record_issues_ShopCode_ReportId_RecordKey",
                table: "sync_record_issues",
                columns: new[] { "ShopCode", "ReportId", "RecordKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sync_variants_ShopCode_ItemNo_VariantCode",
                table: "sync_variants",
                columns: new[] { "ShopCode", "ItemNo", "VariantCode" });

            migrationBuilder.CreateIndex(
                name: "IX_sync_variants_ShopCode_ShopifyVariantId",
                table: "sync_variants",
                columns: new[] { "ShopCode", "ShopifyVariantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sync_variants_ShopCode_Sku",
                table: "sync_variants",
                columns: new[] { "ShopCode", "Sku" });

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_ReceivedAtTicks",
                table: "webhook_deliveries",
                column: "ReceivedAtTicks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "erp_customers");

            migrationBuilder.DropTable(
                name: "erp_item_pictures");

            migrationBuilder.DropTable(
                name: "erp_item_prices");

            migrationBuilder.DropTable(
                name: "erp_item_variants");

            migrationBuilder.DropTable(
                name: "erp_items");

            migrationBuilder.DropTable(
                name: "erp_number_series");

            migrationBuilder.DropTable(
                name: "erp_payments");

            migrationBuilder.DropTable(
                name: "erp_posted_invoices");

            migrationBuilder.DropTable(
                name: "erp_posted_shipment_lines");

            migrationBuilder.DropTable(
                name: "erp_sales_lines");

            migrationBuilder.DropTable(
                name: "erp_stock");

            migrationBuilder.DropTable(
                name: "request_page_defaults");

            migrationBuilder.DropTable(
                name: "shopify_api_calls");

            migrationBuilder.DropTable(
                name: "shops");

            migrationBuilder.DropTable(
                name: "status_cue_thresholds");

            migrationBuilder.DropTable(
                name: "sync_catalogs");

            migrationBuilder.DropTable(
                name: "sync_companies");

            migrationBuilder.DropTable(
                name: "sync_customers");

            migrationBuilder.DropTable(
                name: "sync_disputes");

            migrationBuilder.DropTable(
                name: "sync_locations");

            migrationBuilder.DropTable(
                name: "sync_order_lines");

            migrationBuilder.DropTable(
                name: "sync_payouts");

            migrationBuilder.DropTable(
                name: "sync_products");

            migrationBuilder.DropTable(
                name: "sync_record_issues");

            migrationBuilder.DropTable(
                name: "sync_variants");

            migrationBuilder.DropTable(
                name: "sync_watermarks");

            migrationBuilder.DropTable(
                name: "webhook_deliveries");

            migrationBuilder.DropTable(
                name: "erp_posted_shipments");

            migrationBuilder.DropTable(
                name: "erp_sales_documents");

            migrationBuilder.DropTable(
                name: "sync_orders");
        }
    }
}
