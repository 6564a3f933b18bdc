using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Paperboy.Storage;

public sealed class UpvoteConfiguration : IEntityTypeConfiguration<Upvote>
{
    public void Configure(EntityTypeBuilder<Upvote> b)
    {
        b.ToTable("upvotes");
        b.HasKey(u => new { u.UserId, u.PaperId });
        b.HasIndex(u => u.PaperId);
    }
}
