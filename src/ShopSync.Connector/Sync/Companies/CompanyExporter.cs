using Microsoft.EntityFrameworkCore;
using ShopSync.Shopify.Client;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Persistence;

namespace ShopSync.Connector.Sync;

/// <summary>
/// Creates Shopify companies for B2B ERP customers: not blocked, with a customer price group (what B2B catalogs price
/// by), matching the Name / External ID filters, and not yet mapped by any company of the shop. The external id is the
/// customer no.; Shopify keeps it unique, so it is the idempotency key: when a create is refused because the external
/// id is taken (an earlier create whose answer or mapping was lost), the company with that id is looked up and mapped
/// instead, unless it is already mapped to another ERP customer.
/// </summary>
internal sealed class CompanyExporter(SyncSession session)
{
    public const string Option = "Export ERP Customers as Companies";

    public async Task<long> ExportAsync(CancellationToken cancellationToken)
    {
        List<ErpCustomerEntity> pending;
        await using (var db = await session.OpenDbAsync(cancellationToken))
        {
            var mapped = db.SyncCompanies.Where(c => c.ShopCode == session.ShopCode && c.CustomerNo != null).Select(c => c.CustomerNo);
            pending = await db.ErpCustomers.AsNoTracking()
                .Where(c => !c.Blocked && c.PriceGroup != null && !mapped.Contains(c.No)).OrderBy(c => c.No).ToListAsync(cancellationToken);
        }
        long exported = 0;
        foreach (var customer in pending.Where(c => session.Filters.Matches("Name", c.Name) && session.Filters.Matches("External ID", c.No)))
        {
            if (await ExportAsync(customer, cancellationToken))
            {
                exported++;
            }
            session.Report($"Companies: {exported} exported");
        }
        return exported;
    }

    private async Task<bool> ExportAsync(ErpCustomerEntity customer, CancellationToken cancellationToken)
    {
        await using var db = await session.OpenDbAsync(cancellationToken);
        var now = session.Time.GetUtcNow();
        var key = $"company:{customer.No}";
        var exported = false;
        try
        {
            var result = await session.Client.CreateCompanyAsync(await InputAsync(db, customer, cancellationToken), cancellationToken);
            var (company, problem) = result.Succeeded
                ? (result.Value, null)
                : result.UserErrors.Any(IsExternalIdTaken)
                    ? await FindCreatedAsync(db, customer.No, cancellationToken)
                    : (null, string.Join("; ", result.UserErrors.Select(e => e.Message)));
            if (company is not null && problem is null)
            {
                var row = await SyncCompanyRows.UpsertAsync(db, session.ShopCode, company, now, cancellationToken);
                row.CustomerNo = customer.No;
                row.MappingError = null;
                await SyncRecordIssues.ClearAsync(db, session.ShopCode, SyncReportIds.SyncCompanies, key, cancellationToken);
                session.Progress.Add(done: 1);
                exported = true;
            }
            else
            {
                await SyncRecordIssues.SetAsync(db, session.ShopCode, SyncReportIds.SyncCompanies, key, SyncRecordIssueKind.Failed,
                    $"export to Shopify failed: {problem ?? "companyCreate returned no company"}", now, cancellationToken);
                session.Progress.Add(failed: 1);
            }
        }
        catch (ShopifyReadOnlyException e)
        {
            await SyncRecordIssues.SetAsync(db, session.ShopCode, SyncReportIds.SyncCompanies, key, SyncRecordIssueKind.Skipped, e.Message, now, cancellationToken);
            session.Progress.Add(skipped: 1);
        }
        await db.SaveChangesAsync(cancellationToken);
        return exported;
    }

    /// <summary>The company Shopify already has under this external id, or why it cannot be mapped.</summary>
    private async Task<(ShopifyCompany? Company, string? Problem)> FindCreatedAsync(ConnectorDbContext db, string customerNo, CancellationToken cancellationToken)
    {
        ShopifyCompany? found = null;
        var query = $"external_id:'{customerNo.Replace("'", "\\'", StringComparison.Ordinal)}'";
        await foreach (var page in session.Client.GetCompaniesAsync(new ShopifyPageRequest(PageSize: 1, Query: query), cancellationToken))
        {
            found = page.Items.FirstOrDefault(c => c.ExternalId == customerNo);
            break;
        }
        if (found is null)
        {
            return (null, $"External Id \"{customerNo}\" has already been taken, but no company with it was found");
        }
        var mappedTo = await db.SyncCompanies.Where(c => c.ShopCode == session.ShopCode && c.ShopifyCompanyId == found.Id).Select(c => c.CustomerNo).FirstOrDefaultAsync(cancellationToken);
        return mappedTo is not null && mappedTo != customerNo
            ? (null, $"External Id \"{customerNo}\" has already been taken by Shopify company \"{found.Name}\" ({found.Id}), which is mapped to ERP customer {mappedTo}")
            : (found, null);
    }

    private static bool IsExternalIdTaken(ShopifyUserError error) =>
        error.Code == "TAKEN" && error.Field is { Count: > 0 } field && field[^1] == "externalId" && field.Contains("company");

    /// <summary>
    /// The ERP book has no contact person, so the contact is the customer's e-mail/phone; it is left out when that
    /// customer is already a Shopify customer (Shopify refuses a contact whose e-mail belongs to an existing customer).
    /// </summary>
    private async Task<ShopifyCompanyCreateInput> InputAsync(ConnectorDbContext db, ErpCustomerEntity customer, CancellationToken cancellationToken)
    {
        var email = customer.Email?.ToLowerInvariant();
        var knownInShopify = await db.SyncCustomers.AnyAsync(
            c => c.ShopCode == session.ShopCode && (c.CustomerNo == customer.No || (email != null && c.Email != null && c.Email.ToLower() == email)), cancellationToken);
        var contact = knownInShopify || (customer.Email is null && customer.Phone is null) ? null : new ShopifyCompanyContactInput(customer.Email, Phone: customer.Phone);
        var location = customer.Address is null || customer.CountryCode is null
            ? null
            : new ShopifyCompanyLocationInput(
                customer.Name,
                new ShopifyCompanyAddressInput(customer.Address, City: customer.City, Zip: customer.PostCode, CountryCode: customer.CountryCode),
                BillingSameAsShipping: true);
        return new ShopifyCompanyCreateInput(new ShopifyCompanyInput(customer.Name, customer.No), contact, location);
    }
}
