using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Dispatching;

/// <summary>How a handler's run ended, before the retry decision.</summary>
/// <param name="Result">Succeeded, SucceededWithWarnings, Failed, Cancelled or TimedOut.</param>
/// <param name="Message">Warning or error message.</param>
/// <param name="Detail">Error detail.</param>
/// <param name="Interrupted">Stopped by shutdown: runs again without counting as a failure.</param>
internal sealed record RunEnd(JobResult Result, string? Message, string? Detail, bool Interrupted = false);
