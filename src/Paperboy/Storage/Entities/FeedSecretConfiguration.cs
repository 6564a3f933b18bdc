using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Paperboy.Storage;

public sealed class FeedSecretConfiguration : IEntityTypeConfiguration<FeedSecret>
{
    public void Configure(EntityTypeBuilder<FeedSecret> b)
    {
        b.ToTable("feed_secrets");
        b.HasKey(s => s.UserId);
        b.Property(s => s.UserId).ValueGeneratedNever();
    }
}
