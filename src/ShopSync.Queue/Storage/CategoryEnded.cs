namespace ShopSync.Queue.Storage;

/// <summary>How many runs of a category ended in one minute of the window (0: the window's first minute).</summary>
public sealed record CategoryEnded(string CategoryCode, int Minute, int Count);
