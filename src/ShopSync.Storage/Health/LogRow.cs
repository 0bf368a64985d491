using ShopSync.Queue.Entries;

namespace ShopSync.Storage.Health;

/// <summary>One job log row as the health fold needs it, with the entry's live state while the row is unfinished.</summary>
internal sealed record LogRow(
    long Id,
    Guid JobId,
    int ReportId,
    string Description,
    int Attempt,
    long? EndTicks,
    JobResult Result,
    string? ErrorMessage,
    bool Running,
    JobProgress Progress);
