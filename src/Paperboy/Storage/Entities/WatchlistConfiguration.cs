using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Paperboy.Storage;

public sealed class WatchlistConfiguration : IEntityTypeConfiguration<Watchlist>
{
    public void Configure(EntityTypeBuilder<Watchlist> b)
    {
        b.ToTable("digest_watchlists");
        b.HasKey(w => w.Id);
        b.HasIndex(w => new { w.SubscriptionId, w.Query }).IsUnique();
    }
}
