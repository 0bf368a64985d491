namespace ShopSync.Server.Access;

/// <summary>How an RPC meets a shop-scoped principal (see docs/access-control.md).</summary>
internal enum ScopeTarget
{
    /// <summary>The shops named in the request (any <c>shop_code</c>, a shop's <c>code</c>) must be the principal's; lists and streams are filtered.</summary>
    Shops,

    /// <summary>As <see cref="Shops"/>, and the entry named by <c>job_id</c> must belong to one of the principal's shops.</summary>
    Job,

    /// <summary>As <see cref="Shops"/>, and the schedule named by <c>schedule_id</c> must belong to one of the principal's shops.</summary>
    Schedule,

    /// <summary>Concerns every shop at once (API keys): only a principal for every shop may call it.</summary>
    AllShops,

    /// <summary>Not shop data (the report catalogue, the ERP book's master data, who am I).</summary>
    None,
}
