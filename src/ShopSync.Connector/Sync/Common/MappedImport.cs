using ShopSync.Shopify.Client;

namespace ShopSync.Connector.Sync;

/// <summary>
/// The import phase shared by the tasks that import and map records before exporting (Sync Customers, Sync
/// Companies): records updated since the shop's watermark, page by page with a checkpoint, then the watermark
/// advanced and the checkpoint moved to the export phase. A retry resumes in the phase and page it stopped in.
/// </summary>
internal static class MappedImport
{
    /// <summary>Runs the import phase unless the checkpoint says it is done; returns the records mapped and left unmapped.</summary>
    public static async Task<(long Mapped, long Unmapped)> RunAsync<T>(
        SyncSession session,
        string watermark,
        string label,
        Func<ShopifyPageRequest, IAsyncEnumerable<ShopifyPage<T>>> pages,
        Func<IReadOnlyList<T>, Task<(long Mapped, long Unmapped)>> importPage,
        CancellationToken cancellationToken)
    {
        var checkpoint = SyncCheckpoint.Read<PageCheckpoint>(session);
        long mapped = 0, unmapped = 0;
        if (checkpoint is not (null or { Phase: "import" }))
        {
            return (mapped, unmapped);
        }
        if (checkpoint is null)
        {
            await using var db = await session.OpenDbAsync(cancellationToken);
            var since = await SyncWatermarks.GetAsync(db, session.ShopCode, watermark, cancellationToken);
            checkpoint = new PageCheckpoint("import", since is { } w ? ShopifyPageRequest.UpdatedAfter(w) : null, null, 0, session.Time.GetUtcNow() - TimeSpan.FromSeconds(2));
        }
        await foreach (var page in pages(new ShopifyPageRequest(After: checkpoint.After, Query: checkpoint.Query)).WithCancellation(cancellationToken))
        {
            var (m, u) = await importPage(page.Items);
            mapped += m;
            unmapped += u;
            session.Progress.Add(pages: 1, done: m, skipped: u);
            checkpoint = checkpoint with { After = page.EndCursor ?? checkpoint.After, Pages = checkpoint.Pages + 1 };
            await SyncCheckpoint.SaveAsync(session, checkpoint, cancellationToken);
            session.Report($"{label}: {mapped} mapped, {unmapped} unmapped");
        }
        await using (var db = await session.OpenDbAsync(cancellationToken))
        {
            await SyncWatermarks.AdvanceAsync(db, session.ShopCode, watermark, checkpoint.RunWatermark!.Value, session.Time.GetUtcNow(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        await SyncCheckpoint.SaveAsync(session, checkpoint with { Phase = "export", After = null }, cancellationToken);
        return (mapped, unmapped);
    }
}
