using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Ingest;
using Paperboy.Ingest.Writing;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Ingest.Writing;

public abstract class UpsertRuleTests(Engine engine)
{
    static PaperRecord Arxiv(int? version, string title, string? doi = null) => new()
    {
        Id = "2409.01234", Version = version, IsArxivMetadata = true, Title = title, Abstract = $"Abstract of {title}",
        Authors = ["A. One", "B. Two"], Categories = ["cs.LG", "stat.ML"], Doi = doi,
        PublishedAt = new DateTime(2024, 9, 2, 17, 0, 0, DateTimeKind.Utc), UpdatedAt = new DateTime(2024, 9, 2 + (version ?? 1), 17, 0, 0, DateTimeKind.Utc),
    };

    static PaperRecord Hf(string title, int upvotes, DateOnly day) => new()
    {
        Id = "2409.01234", Title = title, Authors = ["A. One"], PublishedAt = new DateTime(2024, 9, 2, 0, 0, 0, DateTimeKind.Utc),
        UpdatedAt = new DateTime(2024, 9, 2, 0, 0, 0, DateTimeKind.Utc), ImportedUpvotes = upvotes, ImportedComments = 1,
        GithubRepo = "https://github.com/x/y", ImportedListDay = day,
    };

    static async Task<ImportCounts> WriteAsync(PaperboyFactory app, params PaperRecord[] papers)
    {
        await using var writer = await app.Services.GetRequiredService<PaperUpserter>().OpenAsync(default);
        var total = default(ImportCounts);
        foreach (var p in papers) total += await writer.WriteAsync(ImportBatch.Of([p]), null, default);
        return total;
    }

    static Task<Paper> StoredAsync(PaperboyFactory app) => app.WithDbAsync(db => db.Set<Paper>().SingleAsync(p => p.Id == "2409.01234"));

    [Fact]
    public async Task ANewerVersionUpdatesThePaperAndAnOlderOneChangesNothing()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        Assert.Equal(new ImportCounts(1, 0, 0, 0), await WriteAsync(app, Arxiv(1, "First title", doi: "10.1/x")));
        Assert.Equal(new ImportCounts(0, 1, 0, 0), await WriteAsync(app, Arxiv(2, "Second title")));
        Assert.Equal(new ImportCounts(0, 0, 1, 0), await WriteAsync(app, Arxiv(1, "First title")));
        Assert.Equal(new ImportCounts(0, 0, 1, 0), await WriteAsync(app, Arxiv(2, "Second title")));

        var paper = await StoredAsync(app);
        Assert.Equal((2, "Second title"), (paper.Version, paper.Title));
        Assert.Equal("10.1/x", paper.Doi); // a source that does not give the DOI does not erase it
        Assert.Equal(new DateTime(2024, 9, 4, 17, 0, 0, DateTimeKind.Utc), paper.UpdatedAt);
    }

    [Fact]
    public async Task HfNeverOverwritesArxivMetadataButAddsItsNumbers()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await WriteAsync(app, Arxiv(3, "Arxiv title"));
        Assert.Equal(new ImportCounts(0, 1, 0, 0), await WriteAsync(app, Hf("HF title", 12, new DateOnly(2024, 9, 3))));
        Assert.Equal(new ImportCounts(0, 0, 1, 0), await WriteAsync(app, Hf("HF title", 12, new DateOnly(2024, 9, 3))));
        Assert.Equal(new ImportCounts(0, 0, 1, 0), await WriteAsync(app, Arxiv(3, "Arxiv title")));

        var paper = await StoredAsync(app);
        Assert.Equal(("Arxiv title", 3, 12, "https://github.com/x/y"), (paper.Title, paper.Version, paper.ImportedUpvotes, paper.GithubRepo));
    }

    [Fact]
    public async Task AnOlderHfListNeverRollsTheNumbersBackAndANewerOneRefreshesThem()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await WriteAsync(app, Hf("T", 40, new DateOnly(2024, 9, 10)));
        Assert.Equal(new ImportCounts(0, 0, 1, 0), await WriteAsync(app, Hf("T", 2, new DateOnly(2024, 9, 3))));
        Assert.Equal(40, (await StoredAsync(app)).ImportedUpvotes);
        Assert.Equal(new ImportCounts(0, 1, 0, 0), await WriteAsync(app, Hf("T", 41, new DateOnly(2024, 9, 10))));
        Assert.Equal(41, (await StoredAsync(app)).ImportedUpvotes);
    }

    [Fact]
    public async Task APaperFirstSeenOnHfTakesArxivsMetadataWhenArxivArrives()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await WriteAsync(app, Hf("HF title", 5, new DateOnly(2024, 9, 3)));
        Assert.Equal(new ImportCounts(0, 1, 0, 0), await WriteAsync(app, Arxiv(1, "Arxiv title")));
        var paper = await StoredAsync(app);
        Assert.Equal(("Arxiv title", 5), (paper.Title, paper.ImportedUpvotes));
        Assert.Equal(["cs.LG", "stat.ML"], paper.Categories);
    }
}

public sealed class SqliteUpsertRuleTests() : UpsertRuleTests(Engine.Sqlite);
public sealed class PostgresUpsertRuleTests() : UpsertRuleTests(Engine.Postgres);
