using Microsoft.EntityFrameworkCore;
using ShopSync.Shopify.Client;

namespace ShopSync.Connector.Sync;

/// <summary>Creates ERP customers that no Shopify customer of the shop maps to yet (those with an e-mail).</summary>
internal sealed class CustomerExporter(SyncSession session)
{
    public async Task<long> ExportAsync(CancellationToken cancellationToken)
    {
        List<Erp.ErpCustomerEntity> pending;
        await using (var db = await session.OpenDbAsync(cancellationToken))
        {
            var mapped = db.SyncCustomers.Where(c => c.ShopCode == session.ShopCode && c.CustomerNo != null).Select(c => c.CustomerNo);
            pending = await db.ErpCustomers.AsNoTracking()
                .Where(c => !c.Blocked && c.Email != null && !mapped.Contains(c.No)).OrderBy(c => c.No).ToListAsync(cancellationToken);
        }
        long exported = 0;
        foreach (var customer in pending)
        {
            var names = customer.Name.Split(' ', 2);
            var input = new ShopifyCustomerInput(customer.Email, names[0], names.Length > 1 ? names[1] : null, customer.Phone,
                Addresses: customer.Address is null ? null : [new ShopifyAddressInput(customer.Address, City: customer.City, Zip: customer.PostCode, CountryCode: customer.CountryCode)]);
            await using var db = await session.OpenDbAsync(cancellationToken);
            var now = session.Time.GetUtcNow();
            var key = $"customer:{customer.No}";
            try
            {
                var result = await session.Client.CreateCustomerAsync(input, cancellationToken);
                if (result.Succeeded && result.Value is { } created)
                {
                    db.SyncCustomers.Add(new SyncCustomerEntity
                    {
                        ShopCode = session.ShopCode, ShopifyCustomerId = created.Id, Email = created.Email, CustomerNo = customer.No, UpdatedAt = now,
                    });
                    await SyncRecordIssues.ClearAsync(db, session.ShopCode, SyncReportIds.SyncCustomers, key, cancellationToken);
                    exported++;
                    session.Progress.Add(done: 1);
                }
                else
                {
                    var message = string.Join("; ", result.UserErrors.Select(e => e.Message));
                    await SyncRecordIssues.SetAsync(db, session.ShopCode, SyncReportIds.SyncCustomers, key, SyncRecordIssueKind.Failed, $"export to Shopify failed: {message}", now, cancellationToken);
                    session.Progress.Add(failed: 1);
                }
            }
            catch (ShopifyReadOnlyException e)
            {
                await SyncRecordIssues.SetAsync(db, session.ShopCode, SyncReportIds.SyncCustomers, key, SyncRecordIssueKind.Skipped, e.Message, now, cancellationToken);
                session.Progress.Add(skipped: 1);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return exported;
    }
}
