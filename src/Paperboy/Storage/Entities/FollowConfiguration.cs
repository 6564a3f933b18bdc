using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Paperboy.Storage;

public sealed class FollowConfiguration : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> b)
    {
        b.ToTable("follows");
        b.HasKey(f => new { f.UserId, f.Kind, f.NameKey });
        b.HasIndex(f => f.FollowedUserId);
        b.HasIndex(f => new { f.Kind, f.NameKey });
    }
}
