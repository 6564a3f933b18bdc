using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Paperboy.Storage;

public sealed class CollectionEntryConfiguration : IEntityTypeConfiguration<CollectionEntry>
{
    public void Configure(EntityTypeBuilder<CollectionEntry> b)
    {
        b.ToTable("collection_papers");
        b.HasKey(e => new { e.CollectionId, e.PaperId });
        b.HasIndex(e => e.PaperId);
        b.Property(e => e.Tags).HasConversion(new StringListConverter(), StringListConverter.Comparer);
    }
}
