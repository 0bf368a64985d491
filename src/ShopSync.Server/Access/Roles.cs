using System.Collections.Frozen;

namespace ShopSync.Server.Access;

/// <summary>The four roles and the permissions each grants.</summary>
internal static class Roles
{
    public const string Viewer = "viewer";
    public const string Operator = "operator";
    public const string Admin = "admin";
    public const string ErpClient = "erp-client";

    private static readonly string[] Read =
    [
        Permission.WhoAmI, Permission.JobsRead, Permission.SchedulesRead, Permission.ShopsRead, Permission.ErpRead, Permission.StatusRead,
    ];

    private static readonly string[] OperatorGrants =
    [
        .. Read, Permission.JobsEnqueue, Permission.JobsControl, Permission.FiltersWrite, Permission.SchedulesWrite,
        Permission.StatusWrite, Permission.ErpWrite,
    ];

    private static readonly FrozenDictionary<string, FrozenSet<string>> Grants = new Dictionary<string, FrozenSet<string>>
    {
        [Viewer] = Read.ToFrozenSet(),
        [Operator] = OperatorGrants.ToFrozenSet(),
        [ErpClient] = Read.Concat([Permission.JobsEnqueue, Permission.ErpWrite]).ToFrozenSet(),
        [Admin] = OperatorGrants.Concat([Permission.JobsPurge, Permission.ShopsWrite, Permission.KeysManage, Permission.AuditRead]).ToFrozenSet(),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every role, in order of the documentation.</summary>
    public static IReadOnlyList<string> All { get; } = [Viewer, Operator, Admin, ErpClient];

    public static bool IsKnown(string role) => Grants.ContainsKey(role);

    public static bool Allows(string? role, string permission) =>
        role is not null && Grants.TryGetValue(role, out var granted) && granted.Contains(permission);

    /// <summary>Whether <c>x-shopsync-user</c> counts for this role: the ERP's client (and the local anonymous admin) act for named users.</summary>
    public static bool MayActForUsers(string? role, string authentication) =>
        role == ErpClient || authentication == AccessAuthentication.Anonymous;

    /// <summary>The parse of a role given on a command line or in a request; null when unknown.</summary>
    public static string? Parse(string? text) => text?.Trim().ToLowerInvariant() is { } r && IsKnown(r) ? r : null;
}
