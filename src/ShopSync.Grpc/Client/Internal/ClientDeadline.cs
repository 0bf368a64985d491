namespace ShopSync.Grpc.Client.Internal;

/// <summary>The effective deadline of a call from its absolute and relative settings.</summary>
internal static class ClientDeadline
{
    public static DateTimeOffset? Resolve(CallOptions options, TimeProvider timeProvider)
    {
        DateTimeOffset? fromTimeout = options.Timeout is { } timeout ? timeProvider.GetUtcNow() + timeout : null;
        return (options.Deadline, fromTimeout) switch
        {
            (null, null) => null,
            ({ } deadline, null) => deadline,
            (null, { } relative) => relative,
            ({ } deadline, { } relative) => deadline < relative ? deadline : relative,
        };
    }
}
