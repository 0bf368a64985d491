using Microsoft.EntityFrameworkCore;
using ShopSync.Queue.Filters;
using ShopSync.Queue.Handlers;
using ShopSync.Shopify.Client;

namespace ShopSync.Connector.Sync;

/// <summary>
/// 30100 Sync Customers: imports Shopify customers (incrementally by updated_at) and maps each to an ERP customer per
/// the shop's customer mapping (by e-mail, by phone, or the default customer), creating ERP customers when the shop
/// allows it; unmapped ones are counted as skipped with the reason on the mapping row. With "Export ERP Customers",
/// ERP customers not yet in Shopify are created there.
/// </summary>
internal sealed class SyncCustomersHandler(SyncSessionFactory sessions) : SyncReportHandler(sessions)
{
    public static readonly RequestPageDefinition Page = RequestPageDefinition.For(SyncReportIds.SyncCustomers, "Sync Customers")
        .Text("Email")
        .Option("State", "Enabled", "Disabled", "Invited", "Declined")
        .Text("Tags")
        .Code("Country/Region Code")
        .DateTime("Updated At")
        .BooleanOption("Export ERP Customers", "Also create ERP customers that are not in Shopify yet")
        .Build();

    public override ReportDefinition Definition { get; } = new()
    {
        RequiresShop = true,
        ReportId = SyncReportIds.SyncCustomers,
        Name = "Sync Customers",
        Aliases = ["customers"],
        Description = "Imports Shopify customers and maps them to ERP customers (optionally exports ERP customers).",
    };

    protected override RequestPageDefinition RequestPage => Page;

    protected override async Task<string> RunAsync(SyncSession session, CancellationToken cancellationToken)
    {
        var (mapped, unmapped) = await MappedImport.RunAsync(
            session, SyncWatermarks.Customers, "Customers",
            request => session.Client.GetCustomersAsync(request, cancellationToken),
            page => ImportPageAsync(session, page, cancellationToken),
            cancellationToken);
        var exported = session.Filters.GetBoolean("Export ERP Customers", false)
            ? await new CustomerExporter(session).ExportAsync(cancellationToken)
            : 0;
        return $"Sync Customers: {mapped} mapped, {unmapped} unmapped (reason on each), {exported} exported";
    }

    private static async Task<(long Mapped, long Unmapped)> ImportPageAsync(SyncSession session, IReadOnlyList<ShopifyCustomer> customers, CancellationToken cancellationToken)
    {
        var now = session.Time.GetUtcNow();
        await using var db = await session.OpenDbAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var resolver = new CustomerResolver(db, session.Shop, now);
        long mapped = 0, unmapped = 0;
        foreach (var customer in customers)
        {
            var address = customer.DefaultAddress;
            if (!session.Filters.Matches("Email", customer.Email)
                || !session.Filters.Matches("State", ShopifyStatusNames.Display(customer.State))
                || !session.Filters.Matches("Tags", string.Join(", ", customer.Tags))
                || !session.Filters.Matches("Country/Region Code", address?.CountryCodeV2)
                || !session.Filters.Matches("Updated At", customer.UpdatedAt))
            {
                continue;
            }
            var row = await db.SyncCustomers.FirstOrDefaultAsync(c => c.ShopCode == session.ShopCode && c.ShopifyCustomerId == customer.Id, cancellationToken);
            if (row is null)
            {
                row = new SyncCustomerEntity { ShopCode = session.ShopCode, ShopifyCustomerId = customer.Id };
                db.SyncCustomers.Add(row);
            }
            row.Email = customer.Email;
            row.Phone = customer.Phone;
            row.FirstName = customer.FirstName;
            row.LastName = customer.LastName;
            row.CountryCode = address?.CountryCodeV2;
            row.State = customer.State;
            row.ShopifyUpdatedAt = customer.UpdatedAt;
            row.UpdatedAt = now;
            var side = new CustomerResolver.ShopifySide(customer.Id, customer.Email, customer.Phone, customer.FirstName, customer.LastName,
                address?.Address1, address?.City, address?.Zip, address?.CountryCodeV2);
            var (customerNo, _) = await resolver.ResolveAsync(side, allowCreate: true, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (customerNo is null)
            {
                unmapped++;
            }
            else
            {
                mapped++;
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return (mapped, unmapped);
    }
}
