namespace ShopSync.Server.Jobs;

/// <summary>What <see cref="ShopRunPolicy"/> decided for a new entry.</summary>
/// <param name="ShopCode">The shop's code as stored (or the given code when no shop is named).</param>
/// <param name="Category">The job queue category; null for the queue's default.</param>
/// <param name="Foreground">Whether the caller waits for the result.</param>
internal sealed record ShopRun(string ShopCode, string? Category, bool Foreground);
