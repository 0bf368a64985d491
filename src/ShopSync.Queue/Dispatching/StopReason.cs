namespace ShopSync.Queue.Dispatching;

/// <summary>Why a running handler was asked to stop.</summary>
internal enum StopReason
{
    None = 0,
    Cancelled = 1,
    Shutdown = 2,
    LeaseLost = 3,
}
