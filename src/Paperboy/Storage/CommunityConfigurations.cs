using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paperboy.Community;

namespace Paperboy.Storage;

public sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.ToTable("users");
        b.HasKey(u => u.Id);
        b.HasIndex(u => u.Email).IsUnique();
        b.HasIndex(u => u.Handle).IsUnique();
    }
}

public sealed class SignInLinkConfiguration : IEntityTypeConfiguration<SignInLink>
{
    public void Configure(EntityTypeBuilder<SignInLink> b)
    {
        b.ToTable("sign_in_links");
        b.HasKey(l => l.Id);
    }
}

public sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("api_tokens");
        b.HasKey(t => t.Id);
        b.HasIndex(t => t.UserId);
    }
}

public sealed class UpvoteConfiguration : IEntityTypeConfiguration<Upvote>
{
    public void Configure(EntityTypeBuilder<Upvote> b)
    {
        b.ToTable("upvotes");
        b.HasKey(u => new { u.UserId, u.PaperId });
        b.HasIndex(u => u.PaperId);
    }
}

public sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> b)
    {
        b.ToTable("comments");
        b.HasKey(c => c.Id);
        b.HasIndex(c => c.PaperId);
    }
}

/// <summary>ASP.NET data-protection keys, shared by every instance so cookies survive restarts and load balancers.</summary>
public sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.ToTable("data_protection_keys");
        b.HasKey(k => k.Id);
    }
}
