using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopSync.Shopify.Persistence.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_protection_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "request_page_defaults",
                columns: table => new
                {
                    ShopCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    FiltersJson = table.Column<string>(type: "TEXT", nullable: false),
                    OptionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAtTicks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_request_page_defaults", x => new { x.ShopCode, x.ReportId });
                });

            migrationBuilder.CreateTable(
                name: "shops",
                columns: table => new
                {
                    NormalizedCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ShopifyUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    ApiVersion = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ProtectedAccessToken = table.Column<string>(type: "TEXT", nullable: true),
                    ProtectedWebhookSecret = table.Column<string>(type: "TEXT", nullable: true),
                    AllowBackgroundSyncs = table.Column<bool>(type: "INTEGER", nullable: false),
                    AutoCreateUnknownCustomers = table.Column<bool>(type: "INTEGER", nullable: false),
                    AutoCreateUnknownItems = table.Column<bool>(type: "INTEGER", nullable: false),
                    CustomerMapping = table.Column<int>(type: "INTEGER", nullable: false),
                    DefaultCustomerNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ItemSync = table.Column<int>(type: "INTEGER", nullable: false),
                    ImageSync = table.Column<int>(type: "INTEGER", nullable: false),
                    SyncPricesWithProducts = table.Column<bool>(type: "INTEGER", nullable: false),
                    InventoryTracked = table.Column<bool>(type: "INTEGER", nullable: false),
                    AutoCreateSalesDocuments = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreateInvoicesForFulfilledOrders = table.Column<bool>(type: "INTEGER", nullable: false),
                    SendShippingConfirmation = table.Column<bool>(type: "INTEGER", nullable: false),
                    AllowOutgoingRequests = table.Column<bool>(type: "INTEGER", nullable: false),
                    JobQueueCategory = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    LoggingMode = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shops", x => x.NormalizedCode);
                });

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                columns: table => new
                {
                    WebhookId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ShopCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReceivedAtTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    JobId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_deliveries", x => x.WebhookId);
                });

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
                name: "request_page_defaults");

            migrationBuilder.DropTable(
                name: "shops");

            migrationBuilder.DropTable(
                name: "webhook_deliveries");
        }
    }
}
