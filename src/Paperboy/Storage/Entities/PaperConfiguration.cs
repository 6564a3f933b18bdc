using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Paperboy.Storage;

public sealed class PaperConfiguration : IEntityTypeConfiguration<Paper>
{
    public void Configure(EntityTypeBuilder<Paper> b)
    {
        b.ToTable("papers");
        b.HasKey(p => p.Id);
        b.Property(p => p.Authors).HasConversion(new StringListConverter(), StringListConverter.Comparer);
        b.Property(p => p.Categories).HasConversion(new StringListConverter(), StringListConverter.Comparer);
        b.Property(p => p.AiKeywords).HasConversion(new StringListConverter(), StringListConverter.Comparer);
        b.Property(p => p.Keywords).HasConversion(new StringListConverter(), StringListConverter.Comparer);
        b.Ignore(p => p.ShownKeywords);
        b.Ignore(p => p.Upvotes);
        b.Ignore(p => p.PrimaryCategory);
    }
}
