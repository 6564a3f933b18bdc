using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Paperboy.Storage;

public sealed class DismissalConfiguration : IEntityTypeConfiguration<Dismissal>
{
    public void Configure(EntityTypeBuilder<Dismissal> b)
    {
        b.ToTable("dismissals");
        b.HasKey(d => new { d.UserId, d.PaperId });
    }
}
