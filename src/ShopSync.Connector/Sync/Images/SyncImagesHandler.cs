using Microsoft.EntityFrameworkCore;
using ShopSync.Queue.Filters;
using ShopSync.Queue.Handlers;
using ShopSync.Shopify.Client;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Shops;

namespace ShopSync.Connector.Sync;

/// <summary>
/// 30107 Sync Images, in the shop's image_sync direction, for products mapped to ERP items: FROM_SHOPIFY adds product
/// image URLs to the item's pictures; TO_SHOPIFY adds the item's pictures the product lacks (productCreateMedia).
/// Pictures are compared by URL, so a second run changes nothing. Products without an ERP item are skipped.
/// </summary>
internal sealed class SyncImagesHandler(SyncSessionFactory sessions) : SyncReportHandler(sessions)
{
    public static readonly RequestPageDefinition Page = RequestPageDefinition.For(SyncReportIds.SyncImages, "Sync Images")
        .Code("Item No.")
        .Build();

    public override ReportDefinition Definition { get; } = new()
    {
        RequiresShop = true,
        ReportId = SyncReportIds.SyncImages,
        Name = "Sync Images",
        Aliases = ["images"],
        Description = "Synchronises item pictures and Shopify product images in the shop's image sync direction.",
    };

    protected override RequestPageDefinition RequestPage => Page;

    protected override async Task<string> RunAsync(SyncSession session, CancellationToken cancellationToken)
    {
        if (session.Shop.ImageSync == SyncDirection.None)
        {
            return "Sync Images: shop.image_sync is NONE; nothing to do";
        }
        var fromShopify = session.Shop.ImageSync == SyncDirection.FromShopify;
        var checkpoint = SyncCheckpoint.Read<PageCheckpoint>(session) ?? new PageCheckpoint("images", null, null, 0);
        long added = 0, sent = 0, failed = 0;
        await foreach (var page in session.Client.GetProductsAsync(new ShopifyPageRequest(After: checkpoint.After), cancellationToken))
        {
            session.Progress.Add(pages: 1);
            await using var db = await session.OpenDbAsync(cancellationToken);
            var ids = page.Items.Select(p => p.Id).ToList();
            var mapped = await db.SyncProducts.AsNoTracking().Where(p => p.ShopCode == session.ShopCode && ids.Contains(p.ShopifyProductId) && p.ItemNo != null)
                .ToDictionaryAsync(p => p.ShopifyProductId, p => p.ItemNo!, cancellationToken);
            foreach (var product in page.Items)
            {
                if (!mapped.TryGetValue(product.Id, out var itemNo))
                {
                    session.Progress.Add(skipped: 1);
                    continue;
                }
                if (!session.Filters.Matches("Item No.", itemNo))
                {
                    continue;
                }
                var pictures = await db.ErpItemPictures.Where(p => p.ItemNo == itemNo).Select(p => p.Url).ToListAsync(cancellationToken);
                var urls = product.Images.Nodes.Select(i => i.Url).ToHashSet(StringComparer.Ordinal);
                if (fromShopify)
                {
                    foreach (var image in product.Images.Nodes.Where(i => !pictures.Contains(i.Url)))
                    {
                        db.ErpItemPictures.Add(new ErpItemPictureEntity { ItemNo = itemNo, Url = image.Url, AltText = image.AltText, CreatedAt = session.Time.GetUtcNow() });
                        added++;
                    }
                    session.Progress.Add(done: 1);
                    continue;
                }
                var missing = pictures.Where(u => !urls.Contains(u)).ToList();
                if (missing.Count == 0)
                {
                    session.Progress.Add(done: 1);
                    continue;
                }
                var error = await SendAsync(session, product.Id, missing, cancellationToken);
                var key = $"item:{itemNo}";
                if (error is null)
                {
                    sent += missing.Count;
                    await SyncRecordIssues.ClearAsync(db, session.ShopCode, SyncReportIds.SyncImages, key, cancellationToken);
                    session.Progress.Add(done: 1);
                }
                else
                {
                    failed++;
                    await SyncRecordIssues.SetAsync(db, session.ShopCode, SyncReportIds.SyncImages, key, error.Value.Kind, error.Value.Message, session.Time.GetUtcNow(), cancellationToken);
                    session.Progress.Add(failed: error.Value.Kind == SyncRecordIssueKind.Failed ? 1 : 0, skipped: error.Value.Kind == SyncRecordIssueKind.Skipped ? 1 : 0);
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            checkpoint = checkpoint with { After = page.EndCursor ?? checkpoint.After, Pages = checkpoint.Pages + 1 };
            await SyncCheckpoint.SaveAsync(session, checkpoint, cancellationToken);
            session.Report($"Images: {added} picture(s) added to items, {sent} sent to Shopify");
        }
        return $"Sync Images ({session.Shop.ImageSync}): {added} picture(s) added to items, {sent} image(s) sent to Shopify, {failed} product(s) failed";
    }

    private static async Task<(SyncRecordIssueKind Kind, string Message)?> SendAsync(SyncSession session, string productId, IReadOnlyList<string> urls, CancellationToken cancellationToken)
    {
        try
        {
            var result = await session.Client.AddProductImagesAsync(productId, urls.Select(u => new ShopifyMediaInput(u)).ToList(), cancellationToken);
            return result.Succeeded
                ? null
                : (SyncRecordIssueKind.Failed, string.Join("; ", result.Records.SelectMany(r => r.Errors).Concat(result.UnattributedErrors).Select(e => e.Message)));
        }
        catch (ShopifyReadOnlyException e)
        {
            return (SyncRecordIssueKind.Skipped, e.Message);
        }
    }
}
