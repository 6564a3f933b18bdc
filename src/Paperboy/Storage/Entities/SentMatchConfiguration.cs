using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Paperboy.Storage;

public sealed class SentMatchConfiguration : IEntityTypeConfiguration<SentMatch>
{
    public void Configure(EntityTypeBuilder<SentMatch> b)
    {
        b.ToTable("digest_sent_matches");
        b.HasKey(m => new { m.SubscriptionId, m.PaperId });
    }
}
