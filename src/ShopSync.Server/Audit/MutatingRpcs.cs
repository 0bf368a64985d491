using ShopSync.Server.Access;

namespace ShopSync.Server.Audit;

/// <summary>
/// Which calls change something and so are audited: the methods whose rule in <see cref="RpcRules"/> says they mutate.
/// Health and reflection have no rule (they are not ShopSync's) and are not audited; a ShopSync method without a rule
/// is refused by the access interceptor and audited as a change, to be safe.
/// </summary>
internal static class MutatingRpcs
{
    private const string ServicePrefix = "/shopsync.v1.";

    /// <param name="fullMethod">As gRPC names it: <c>/shopsync.v1.JobQueueService/CancelJob</c>.</param>
    public static bool IsMutating(string fullMethod) =>
        fullMethod.StartsWith(ServicePrefix, StringComparison.Ordinal) && (RpcRules.Find(fullMethod)?.Mutates ?? true);
}
