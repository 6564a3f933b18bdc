using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Paperboy.Storage;

public sealed class PaperCollectionConfiguration : IEntityTypeConfiguration<PaperCollection>
{
    public void Configure(EntityTypeBuilder<PaperCollection> b)
    {
        b.ToTable("collections");
        b.HasKey(c => c.Id);
        b.HasIndex(c => new { c.UserId, c.Name }).IsUnique();
    }
}
