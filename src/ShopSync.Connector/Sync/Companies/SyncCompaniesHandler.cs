using Microsoft.EntityFrameworkCore;
using ShopSync.Queue.Filters;
using ShopSync.Queue.Handlers;
using ShopSync.Shopify.Client;
using ShopSync.Connector.Erp;

namespace ShopSync.Connector.Sync;

/// <summary>
/// 30114 Sync Companies (B2B): imports Shopify companies (incrementally by updated_at) and maps each to an ERP customer:
/// by external id (= ERP customer no.), then by the main contact's e-mail, else creates one when the shop allows it.
/// Unmapped companies are skipped with the reason on the row (the Unmapped Companies cue). With "Export ERP Customers as
/// Companies", ERP customers with a customer price group that no company maps to yet are created in Shopify
/// (<see cref="CompanyExporter"/>).
/// </summary>
internal sealed class SyncCompaniesHandler(SyncSessionFactory sessions) : SyncReportHandler(sessions)
{
    public static readonly RequestPageDefinition Page = RequestPageDefinition.For(SyncReportIds.SyncCompanies, "Sync Companies")
        .Text("Name")
        .Code("External ID")
        .DateTime("Updated At")
        .BooleanOption(CompanyExporter.Option, "Also create ERP customers with a customer price group (B2B) that no Shopify company maps to yet as companies")
        .Build();

    public override ReportDefinition Definition { get; } = new()
    {
        RequiresShop = true,
        ReportId = SyncReportIds.SyncCompanies,
        Name = "Sync Companies",
        Aliases = ["companies"],
        Description = "Imports Shopify B2B companies and maps them to ERP customers (optionally exports B2B ERP customers as companies).",
    };

    protected override RequestPageDefinition RequestPage => Page;

    protected override async Task<string> RunAsync(SyncSession session, CancellationToken cancellationToken)
    {
        var (mapped, unmapped) = await MappedImport.RunAsync(
            session, SyncWatermarks.Companies, "Companies",
            request => session.Client.GetCompaniesAsync(request, cancellationToken),
            page => ImportPageAsync(session, page, cancellationToken),
            cancellationToken);
        var exported = session.Filters.GetBoolean(CompanyExporter.Option, false)
            ? await new CompanyExporter(session).ExportAsync(cancellationToken)
            : 0;
        return $"Sync Companies: {mapped} mapped, {unmapped} unmapped (reason on each), {exported} exported";
    }

    private static async Task<(long Mapped, long Unmapped)> ImportPageAsync(SyncSession session, IReadOnlyList<ShopifyCompany> companies, CancellationToken cancellationToken)
    {
        await using var db = await session.OpenDbAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        long mapped = 0, unmapped = 0;
        foreach (var company in companies)
        {
            if (!session.Filters.Matches("Name", company.Name) || !session.Filters.Matches("External ID", company.ExternalId)
                || !session.Filters.Matches("Updated At", company.UpdatedAt))
            {
                continue;
            }
            var customerNo = await ImportAsync(session, db, company, cancellationToken);
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

    private static async Task<string?> ImportAsync(SyncSession session, Persistence.ConnectorDbContext db, ShopifyCompany company, CancellationToken cancellationToken)
    {
        var now = session.Time.GetUtcNow();
        var row = await SyncCompanyRows.UpsertAsync(db, session.ShopCode, company, now, cancellationToken);
        var contact = company.MainContact?.Customer;
        if (row.CustomerNo is not null && await db.ErpCustomers.AnyAsync(c => c.No == row.CustomerNo, cancellationToken))
        {
            return row.CustomerNo;
        }
        string? customerNo = null;
        if (company.ExternalId is { } externalId && await db.ErpCustomers.AnyAsync(c => c.No == externalId, cancellationToken))
        {
            customerNo = externalId;
        }
        else if (ErpNormalization.Email(contact?.Email) is { } email)
        {
            customerNo = await db.ErpCustomers.Where(c => c.NormalizedEmail == email && c.Name == company.Name).Select(c => c.No).FirstOrDefaultAsync(cancellationToken);
        }
        if (customerNo is null && session.Shop.AutoCreateUnknownCustomers)
        {
            customerNo = await ErpNumberSeries.NextAsync(db, ErpNumberSeries.Customer, cancellationToken);
            var address = company.Locations.Nodes.FirstOrDefault()?.BillingAddress;
            db.ErpCustomers.Add(new ErpCustomerEntity
            {
                No = customerNo,
                Name = ErpNormalization.Truncate(company.Name, 100),
                Email = contact?.Email,
                NormalizedEmail = ErpNormalization.Email(contact?.Email),
                Phone = contact?.Phone,
                NormalizedPhone = ErpNormalization.Phone(contact?.Phone),
                Address = address?.Address1,
                City = address?.City,
                PostCode = address?.Zip,
                CountryCode = address?.CountryCode,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }
        row.CustomerNo = customerNo;
        row.MappingError = customerNo is null
            ? $"no ERP customer has no. \"{company.ExternalId ?? "(no external id)"}\" or this company's name and contact e-mail, and shop.auto_create_unknown_customers is off"
            : null;
        return customerNo;
    }
}
