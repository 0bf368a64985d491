using ShopSync.Queue.Entries;
using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Conformance;

/// <summary>Builders for entries as the engine would hand them to a store.</summary>
public static class TestJobs
{
    public static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static NewJob New(string category = "CAT", int priority = 1000, DateTimeOffset? earliest = null, DateTimeOffset? expiration = null, int maxAttempts = 3) =>
        new(new Job
        {
            Id = Guid.NewGuid(),
            EntryNo = 0,
            ReportId = 90000,
            CategoryCode = category,
            ShopCode = "SHOP1",
            Priority = priority,
            Status = JobStatus.Ready,
            EarliestStart = earliest ?? T0,
            Expiration = expiration,
            MaxAttempts = maxAttempts,
            Timeout = TimeSpan.FromHours(12),
            Filters = [new RequestPageFilter("Fully Paid", "true")],
            Options = [new RequestPageOption("steps", "1")],
            CreatedAt = T0,
            UpdatedAt = T0,
        }, false);

    public static ClaimRequest Claim(string category = "CAT", string owner = "node-a", DateTimeOffset? now = null) =>
        new([category], owner, now ?? T0, (now ?? T0).AddSeconds(20));
}
