using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopSync.Connector.Webhooks;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDeliveryEntity>
{
    public void Configure(EntityTypeBuilder<WebhookDeliveryEntity> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(d => d.WebhookId);
        builder.Property(d => d.WebhookId).HasMaxLength(100);
        builder.Property(d => d.ShopCode).HasMaxLength(20);
        builder.Property(d => d.Topic).HasMaxLength(100);
        builder.HasIndex(d => d.ReceivedAtTicks);
    }
}
