using ShopSync.Shopify.Client;

namespace ShopSync.Server.Telemetry;

/// <summary>Counts each Shopify call record, then hands it to the recorder that stores it.</summary>
internal sealed class MeteringCallRecorder(IShopifyCallRecorder inner, ConnectorMetrics metrics) : IShopifyCallRecorder
{
    public void Record(ShopifyCallRecord record)
    {
        metrics.Call(record);
        inner.Record(record);
    }
}
