namespace ShopSync.Server.Access;

/// <summary>The permissions an RPC can require (see <see cref="RpcRules"/>); a role grants a set of them (<see cref="Roles"/>).</summary>
internal static class Permission
{
    public const string JobsRead = "jobs.read";
    public const string JobsEnqueue = "jobs.enqueue";
    public const string JobsControl = "jobs.control";
    public const string JobsPurge = "jobs.purge";
    public const string FiltersWrite = "filters.write";
    public const string SchedulesRead = "schedules.read";
    public const string SchedulesWrite = "schedules.write";
    public const string ShopsRead = "shops.read";
    public const string ShopsWrite = "shops.write";
    public const string ErpRead = "erp.read";
    public const string ErpWrite = "erp.write";
    public const string StatusRead = "status.read";
    public const string StatusWrite = "status.write";
    public const string KeysManage = "keys.manage";
    public const string AuditRead = "audit.read";
    public const string WhoAmI = "access.whoami";
}
