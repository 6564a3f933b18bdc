using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Paperboy.Storage;

public sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> b)
    {
        b.ToTable("digest_subscriptions");
        b.HasKey(s => s.Id);
        b.HasIndex(s => s.Email).IsUnique();
        b.HasMany(s => s.Watchlists).WithOne().HasForeignKey(w => w.SubscriptionId);
        b.Ignore(s => s.IsActive);
    }
}
