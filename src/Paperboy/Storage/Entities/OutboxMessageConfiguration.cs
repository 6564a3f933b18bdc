using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Paperboy.Storage;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("digest_outbox");
        b.HasKey(m => m.Id);
        b.HasIndex(m => m.MessageId).IsUnique();
        b.HasIndex(m => new { m.DigestKey, m.SubscriptionId }).IsUnique();
    }
}
