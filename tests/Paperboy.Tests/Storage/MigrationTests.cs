using Microsoft.EntityFrameworkCore;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Storage;

public abstract class MigrationTests(Engine engine)
{
    [Fact]
    public async Task AFreshDatabaseIsMigratedAtStartAndStoresAPaperWithItsDay()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var published = new DateTime(2026, 8, 20, 17, 59, 0, DateTimeKind.Utc);
        await app.WithDbAsync(async db =>
        {
            db.Add(new Paper
            {
                Id = "hep-th/9901001", Version = 2, Title = "Old style", Authors = ["A. Author", "B. Author"],
                Categories = ["hep-th", "gr-qc"], PublishedAt = published, UpdatedAt = published, CreatedAt = DateTime.UtcNow,
            });
            db.Add(new FeaturedPaper { PaperId = "hep-th/9901001", Day = new DateOnly(2026, 8, 21), FeaturedAt = DateTime.UtcNow, Source = FeaturedSource.Curator });
            await db.SaveChangesAsync();
        });

        var stored = await app.WithDbAsync(db => db.Set<FeaturedPaper>().Include(f => f.Paper).SingleAsync(f => f.Day == new DateOnly(2026, 8, 21)));
        Assert.Equal("Old style", stored.Paper!.Title);
        Assert.Equal(["A. Author", "B. Author"], stored.Paper.Authors);
        Assert.Equal("hep-th", stored.Paper.PrimaryCategory);
        Assert.Equal(published, stored.Paper.PublishedAt);
        Assert.Equal(DateTimeKind.Utc, stored.Paper.PublishedAt.Kind);
    }

    [Fact]
    public async Task APaperIsFeaturedAtMostOnce()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await app.WithDbAsync(async db =>
        {
            db.Add(new Paper { Id = "2409.01234", Title = "T", PublishedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow });
            db.Add(new FeaturedPaper { PaperId = "2409.01234", Day = new DateOnly(2026, 8, 21), FeaturedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            db.Add(new FeaturedPaper { PaperId = "2409.01234", Day = new DateOnly(2026, 8, 22), FeaturedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }));
    }
}

public sealed class SqliteMigrationTests() : MigrationTests(Engine.Sqlite);
public sealed class PostgresMigrationTests() : MigrationTests(Engine.Postgres);
