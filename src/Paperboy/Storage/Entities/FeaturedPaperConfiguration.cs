using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Paperboy.Storage;

public sealed class FeaturedPaperConfiguration : IEntityTypeConfiguration<FeaturedPaper>
{
    public void Configure(EntityTypeBuilder<FeaturedPaper> b)
    {
        b.ToTable("featured_papers");
        b.HasKey(f => f.Id);
        b.HasIndex(f => f.PaperId).IsUnique();
        b.HasIndex(f => f.Day);
        b.Property(f => f.MediaUrls).HasConversion(new StringListConverter(), StringListConverter.Comparer);
        b.HasOne(f => f.Paper).WithMany().HasForeignKey(f => f.PaperId);
    }
}
