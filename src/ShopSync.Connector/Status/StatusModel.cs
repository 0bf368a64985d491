using Microsoft.EntityFrameworkCore;

namespace ShopSync.Connector.Status;

/// <summary>The status tables of the connector database.</summary>
internal static class StatusModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<CueThresholdEntity>(e =>
        {
            e.ToTable("status_cue_thresholds");
            e.HasKey(t => new { t.ShopCode, t.Cue });
        });
    }
}
