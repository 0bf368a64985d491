namespace ShopSync.Server.Audit;

/// <summary>
/// Which calls change something and so are audited: every method of a <c>shopsync.v1</c> service except the reads,
/// told apart by name (Get, List, Watch, Preview, Check, WhoAmI). Health and reflection are not ShopSync's and not audited.
/// </summary>
internal static class MutatingRpcs
{
    private const string ServicePrefix = "/shopsync.v1.";

    private static readonly string[] ReadPrefixes = ["Get", "List", "Watch", "Preview", "Check", "WhoAmI"];

    /// <param name="fullMethod">As gRPC names it: <c>/shopsync.v1.JobQueueService/CancelJob</c>.</param>
    public static bool IsMutating(string fullMethod)
    {
        if (!fullMethod.StartsWith(ServicePrefix, StringComparison.Ordinal))
        {
            return false;
        }
        var name = fullMethod[(fullMethod.LastIndexOf('/') + 1)..];
        return !ReadPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal));
    }
}
