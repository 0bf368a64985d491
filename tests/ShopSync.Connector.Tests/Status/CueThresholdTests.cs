using ShopSync.Connector.Shops;
using ShopSync.Connector.Status;

namespace ShopSync.Connector.Tests.Status;

public sealed class CueThresholdTests
{
    [Theory]
    [InlineData(0, CueLevel.Ok)]
    [InlineData(1, CueLevel.Warning)]
    [InlineData(4, CueLevel.Warning)]
    [InlineData(5, CueLevel.Alert)]
    [InlineData(500, CueLevel.Alert)]
    public void LevelOf_ErpDefault_WarningFromOneAlertFromFive(long count, CueLevel expected)
    {
        Assert.Equal(expected, CueThreshold.Default.LevelOf(count));
    }

    [Fact]
    public void LevelOf_ZeroThresholds_NeverWarnsOrAlerts()
    {
        Assert.Equal(CueLevel.Ok, new CueThreshold(0, 0).LevelOf(1_000_000));
        Assert.Equal(CueLevel.Alert, new CueThreshold(0, 3).LevelOf(3));
        Assert.Equal(CueLevel.Warning, new CueThreshold(2, 0).LevelOf(1_000));
    }

    [Fact]
    public async Task SetAsync_DefaultAndShop_ShopOverridesDefaultAndOtherCuesKeepTheErpDefault()
    {
        await using var fixture = await StatusFixture.CreateAsync();
        await fixture.Shops.CreateAsync("A", new ShopChanges { ShopifyUrl = "https://a.myshopify.com", AccessToken = "shpat_a" }, CancellationToken.None);

        await fixture.Thresholds.SetAsync(StatusCue.ApiErrors, "", 10, 100, CancellationToken.None);
        await fixture.Thresholds.SetAsync(StatusCue.ApiErrors, "A", 0, 2, CancellationToken.None);
        await fixture.Thresholds.SetAsync(StatusCue.ApiErrors, "A", 0, 3, CancellationToken.None);
        var set = await fixture.Thresholds.LoadAsync(CancellationToken.None);

        Assert.Equal(new CueThreshold(0, 3), set.For("A", StatusCue.ApiErrors));
        Assert.Equal(new CueThreshold(10, 100), set.For("B", StatusCue.ApiErrors));
        Assert.Equal(CueThreshold.Default, set.For("A", StatusCue.UnprocessedOrders));
    }

    [Theory]
    [InlineData(-1, 0, "warning_from")]
    [InlineData(0, -1, "alert_from")]
    [InlineData(5, 2, "alert_from")]
    public async Task SetAsync_BadNumbers_NameTheField(long warning, long alert, string field)
    {
        await using var fixture = await StatusFixture.CreateAsync();

        var e = await Assert.ThrowsAsync<StatusValidationException>(() => fixture.Thresholds.SetAsync(StatusCue.ShipmentErrors, "", warning, alert, CancellationToken.None));

        Assert.Equal(field, e.Field);
    }

    [Fact]
    public async Task SetAsync_UnknownShopOrCue_NamesTheField()
    {
        await using var fixture = await StatusFixture.CreateAsync();

        var shop = await Assert.ThrowsAsync<StatusValidationException>(() => fixture.Thresholds.SetAsync(StatusCue.ShipmentErrors, "NOPE", 1, 2, CancellationToken.None));
        var cue = await Assert.ThrowsAsync<StatusValidationException>(() => fixture.Thresholds.SetAsync((StatusCue)99, "", 1, 2, CancellationToken.None));

        Assert.Equal("shop_code", shop.Field);
        Assert.Equal("cue", cue.Field);
    }
}
