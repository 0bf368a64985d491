using Microsoft.EntityFrameworkCore;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Persistence;
using ShopSync.Connector.Shops;

namespace ShopSync.Connector.Sync;

/// <summary>
/// Finds (or, when the shop allows it, creates) the ERP customer of a Shopify customer, following the shop's customer
/// mapping (by e-mail, by phone, or one default customer), and records the mapping in <c>sync_customers</c>.
/// </summary>
internal sealed class CustomerResolver(ConnectorDbContext db, Shop shop, DateTimeOffset now)
{
    /// <summary>The Shopify side of a customer, from an order or from the customer list.</summary>
    public sealed record ShopifySide(string? ShopifyCustomerId, string? Email, string? Phone, string? FirstName, string? LastName,
        string? Address = null, string? City = null, string? PostCode = null, string? CountryCode = null);

    /// <summary>The ERP customer no., or null with <paramref name="reason"/> saying why none could be found or created.</summary>
    public async Task<(string? CustomerNo, string? Reason)> ResolveAsync(ShopifySide customer, bool allowCreate, CancellationToken cancellationToken)
    {
        SyncCustomerEntity? mapping = null;
        if (customer.ShopifyCustomerId is { } id)
        {
            mapping = db.SyncCustomers.Local.FirstOrDefault(c => c.ShopCode == shop.Code && c.ShopifyCustomerId == id)
                ?? await db.SyncCustomers.FirstOrDefaultAsync(c => c.ShopCode == shop.Code && c.ShopifyCustomerId == id, cancellationToken);
            if (mapping?.CustomerNo is { } mapped)
            {
                return (mapped, null);
            }
        }
        var (found, reason) = await FindOrCreateAsync(customer, allowCreate, cancellationToken);
        if (customer.ShopifyCustomerId is { } shopifyId)
        {
            if (mapping is null)
            {
                mapping = new SyncCustomerEntity { ShopCode = shop.Code, ShopifyCustomerId = shopifyId };
                db.SyncCustomers.Add(mapping);
            }
            mapping.Email ??= customer.Email;
            mapping.Phone ??= customer.Phone;
            mapping.FirstName ??= customer.FirstName;
            mapping.LastName ??= customer.LastName;
            mapping.CountryCode ??= customer.CountryCode;
            mapping.CustomerNo = found;
            mapping.MappingError = reason;
            mapping.UpdatedAt = now;
        }
        return (found, reason);
    }

    private async Task<(string? CustomerNo, string? Reason)> FindOrCreateAsync(ShopifySide customer, bool allowCreate, CancellationToken cancellationToken)
    {
        switch (shop.CustomerMapping)
        {
            case CustomerMappingMode.DefaultCustomer:
                var defaultNo = shop.DefaultCustomerNo ?? "";
                return await db.ErpCustomers.AnyAsync(c => c.No == defaultNo, cancellationToken)
                    ? (defaultNo, null)
                    : (null, $"the shop's default customer \"{defaultNo}\" does not exist in the ERP");
            case CustomerMappingMode.ByPhone:
                var phone = ErpNormalization.Phone(customer.Phone);
                if (phone is not null && await FindAsync(c => c.NormalizedPhone == phone, cancellationToken) is { } byPhone)
                {
                    return (byPhone, null);
                }
                break;
            default:
                var email = ErpNormalization.Email(customer.Email);
                if (email is not null && await FindAsync(c => c.NormalizedEmail == email, cancellationToken) is { } byEmail)
                {
                    return (byEmail, null);
                }
                break;
        }
        var key = shop.CustomerMapping == CustomerMappingMode.ByPhone ? $"phone {customer.Phone ?? "(none)"}" : $"e-mail {customer.Email ?? "(none)"}";
        if (!allowCreate || !shop.AutoCreateUnknownCustomers)
        {
            return (null, $"no ERP customer has {key} and shop.auto_create_unknown_customers is off");
        }
        return (await CreateAsync(customer, cancellationToken), null);
    }

    private async Task<string?> FindAsync(System.Linq.Expressions.Expression<Func<ErpCustomerEntity, bool>> predicate, CancellationToken cancellationToken)
    {
        var local = db.ErpCustomers.Local.AsQueryable().Where(predicate).Select(c => c.No).FirstOrDefault();
        return local ?? await db.ErpCustomers.Where(predicate).OrderBy(c => c.No).Select(c => c.No).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<string> CreateAsync(ShopifySide customer, CancellationToken cancellationToken)
    {
        var no = await ErpNumberSeries.NextAsync(db, ErpNumberSeries.Customer, cancellationToken);
        var name = $"{customer.FirstName} {customer.LastName}".Trim();
        db.ErpCustomers.Add(new ErpCustomerEntity
        {
            No = no,
            Name = ErpNormalization.Truncate(name.Length > 0 ? name : customer.Email ?? no, 100),
            Email = customer.Email,
            NormalizedEmail = ErpNormalization.Email(customer.Email),
            Phone = customer.Phone,
            NormalizedPhone = ErpNormalization.Phone(customer.Phone),
            Address = customer.Address,
            City = customer.City,
            PostCode = customer.PostCode,
            CountryCode = customer.CountryCode,
            CreatedAt = now,
            UpdatedAt = now,
        });
        return no;
    }
}
