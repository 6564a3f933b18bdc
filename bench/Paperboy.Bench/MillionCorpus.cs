using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Paperboy.Ingest;
using Paperboy.Search;
using Paperboy.Storage;

namespace Paperboy.Bench;

/// <summary>
/// <c>build-1m sqlite|postgres DIR [PG_CONNECTION] [N]</c>: N (1,000,000) distinct papers made from the real ones (the 75k arXiv
/// snapshot plus the HF papers of the eval corpus), written through the app's migrations and its import writer
/// (<see cref="PaperUpserter"/>), in date order like a back-fill. The real papers stay as they are; every other paper
/// takes one real paper's title with one word swapped for a word of a second paper's title, the first half of the first
/// one's sentences followed by the second half of the second one's, the first one's authors with the last replaced by
/// one of the second's, and the first one's categories. Word statistics stay those of real abstracts (common words stay
/// common). Ids are new-style arXiv ids YYMM.5xxxx (never a real one), dates spread from 2015-01 to 2026-07 growing
/// like arXiv. On SQLite the vectors follow (paper_embeddings, arctic-xs): the real Arctic vector of the paper the copy
/// starts from when the eval corpus has one, else one of those 4,000, plus Gaussian noise (norm ~0.35), renormalized.
/// </summary>
public static class MillionCorpus
{
    public const string Model = "arctic-xs";
    const string Snapshot = "../shared/data/arxiv-snapshot/arxiv-metadata-75k.jsonl.gz";
    // The eval corpus and its cached vectors (make_eval_corpus.py, embed-corpus); PAPERBOY_EVAL_CORPUS and _VECTORS choose others.
    static readonly string EvalCorpusPath = Environment.GetEnvironmentVariable("PAPERBOY_EVAL_CORPUS") ?? "/tmp/paperboy-eval/corpus.jsonl";
    static readonly string VectorsPath = Environment.GetEnvironmentVariable("PAPERBOY_EVAL_VECTORS") ?? "/tmp/paperboy-eval/arctic-xs.f32";

    public static async Task<int> RunAsync(string engine, string dir, string? pg, int n)
    {
        var postgres = engine == "postgres";
        var dataDir = Path.Combine(dir, postgres ? "pgdata" : "sqlite");
        if (!postgres && Directory.Exists(dataDir)) Directory.Delete(dataDir, recursive: true);
        await using var app = await StartAsync(dataDir, postgres ? pg : null);
        var (bases, vectorOf) = LoadBases();
        var plan = Plan(bases, n);
        Console.WriteLine($"{bases.Count:N0} real papers, {n:N0} to write");
        if (postgres) await ExecAsync(app, "DROP INDEX IF EXISTS ix_papers_search_vector");
        var clock = Stopwatch.StartNew();
        var upserter = app.Services.GetRequiredService<PaperUpserter>();
        await using (var writer = await upserter.OpenAsync(CancellationToken.None))
            foreach (var chunk in plan.Chunk(postgres ? 5000 : 2000))
            {
                await writer.WriteAsync(ImportBatch.Of(chunk.Select(p => Make(bases, p)).ToList()), null, CancellationToken.None);
                if (clock.Elapsed.TotalSeconds > 0 && chunk[0].Order % 100000 < chunk.Length)
                    Console.WriteLine($"  {chunk[^1].Order + 1:N0} papers, {(chunk[^1].Order + 1) / clock.Elapsed.TotalSeconds:F0}/s");
            }
        Console.WriteLine($"wrote {n:N0} papers in {clock.Elapsed.TotalSeconds:F0} s");
        if (postgres)
        {
            clock.Restart();
            // The index the migration creates (0005_search.sql), built once after the bulk write instead of row by row.
            await ExecAsync(app, "SET maintenance_work_mem = '1GB'; CREATE INDEX ix_papers_search_vector ON papers USING rum (search_vector rum_tsvector_ops); ANALYZE papers");
            Console.WriteLine($"RUM index built in {clock.Elapsed.TotalSeconds:F0} s");
            return 0;
        }
        clock.Restart();
        await WriteVectorsAsync(app, plan, vectorOf);
        Console.WriteLine($"wrote {n:N0} vectors in {clock.Elapsed.TotalSeconds:F0} s");
        return 0;
    }

    /// <summary>The app's services (no web server) on the data folder, or on PostgreSQL when a connection string is given.</summary>
    public static async Task<WebApplication> StartAsync(string dataDir, string? pg)
    {
        Directory.CreateDirectory(dataDir);
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Paperboy:DataDir"] = dataDir,
            ["Paperboy:Search:Model"] = Model,
            ["Paperboy:Search:Backfill"] = "false",
            ["Paperboy:Database:Provider"] = pg is null ? "sqlite" : "postgres",
            ["ConnectionStrings:Paperboy"] = pg,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        Paperboy.PaperboyApp.AddServices(builder, serving: false);
        var app = builder.Build();
        await app.Services.GetRequiredService<Migrator>().MigrateAsync();
        return app;
    }

    public sealed record Base(string Id, string Title, string[] Sentences, IReadOnlyList<string> Authors, IReadOnlyList<string> Categories, DateTime Published);

    /// <summary>Paper number <paramref name="Order"/> (in write order): a real one (B &lt; 0) or a copy of A recombined with B.</summary>
    public sealed record Planned(int Order, string Id, DateTime Published, int A, int B, int Seed);

    static (List<Base> Bases, Dictionary<int, int> VectorOf) LoadBases()
    {
        var bases = new List<Base>();
        var seen = new HashSet<string>();
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(Snapshot), CompressionMode.Decompress)))
            while (reader.ReadLine() is { } line)
            {
                using var doc = JsonDocument.Parse(line);
                var r = doc.RootElement;
                var id = r.GetProperty("id").GetString()!;
                if (!seen.Add(id)) continue;
                bases.Add(new Base(id, Flat(r.GetProperty("title").GetString()!), Sentences(r.GetProperty("abstract").GetString()!),
                    r.GetProperty("authors").GetString()!.Split(", "), r.GetProperty("categories").GetString()!.Split(' '),
                    DateTime.SpecifyKind(DateTime.Parse(r.GetProperty("update_date").GetString()!), DateTimeKind.Utc)));
            }
        // The eval corpus (HF daily papers and some of the snapshot) is what the cached Arctic vectors belong to, line by line.
        var vectorOf = new Dictionary<int, int>();
        var index = bases.Select((b, i) => (b.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var corpus = EvalPaper.Read(EvalCorpusPath);
        for (var line = 0; line < corpus.Count; line++)
        {
            var p = corpus[line];
            if (!index.TryGetValue(p.Id, out var at))
            {
                at = bases.Count;
                index[p.Id] = at;
                var published = DateTime.TryParse(p.Published, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var d)
                    ? d : new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                bases.Add(new Base(p.Id, Flat(p.Title), Sentences(p.Abstract), p.Authors, p.Categories.Count > 0 ? p.Categories : ["cs.LG"], published));
            }
            vectorOf[at] = line;
        }
        return (bases, vectorOf);
    }

    /// <summary>Every paper's id, date and sources, sorted by date (a back-fill writes oldest first).</summary>
    static List<Planned> Plan(List<Base> bases, int n)
    {
        var random = new Random(20261127);
        var start = new DateTime(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        const int months = 139; // 2015-01 … 2026-07
        var perMonth = new int[months];
        var list = new List<Planned>(n);
        for (var i = 0; i < bases.Count && i < n; i++) list.Add(new Planned(0, bases[i].Id, bases[i].Published, i, -1, 0));
        for (var i = list.Count; i < n; i++)
        {
            // arXiv grows: a later month is likelier (density rising linearly to three times the first month's).
            var u = random.NextDouble();
            var m = (int)(months * (Math.Sqrt(1 + 8 * u) - 1) / 2);
            var day = start.AddMonths(m);
            var published = day.AddSeconds(random.NextDouble() * (day.AddMonths(1) - day).TotalSeconds);
            var id = $"{published:yyMM}.{50000 + perMonth[m]++}";
            list.Add(new Planned(0, id, published, random.Next(bases.Count), random.Next(bases.Count), random.Next()));
        }
        list.Sort((x, y) => x.Published != y.Published ? x.Published.CompareTo(y.Published) : string.CompareOrdinal(x.Id, y.Id));
        return list.Select((p, i) => p with { Order = i }).ToList();
    }

    static PaperRecord Make(List<Base> bases, Planned p)
    {
        var a = bases[p.A];
        if (p.B < 0) return Record(p, a.Title, string.Join(' ', a.Sentences), a.Authors, a.Categories);
        var b = bases[p.B];
        var random = new Random(p.Seed);
        var words = a.Title.Split(' ');
        var other = b.Title.Split(' ');
        if (words.Length > 1) words[1 + random.Next(words.Length - 1)] = other[random.Next(other.Length)];
        var sentences = a.Sentences.Take((a.Sentences.Length + 1) / 2).Concat(b.Sentences.Skip(b.Sentences.Length / 2));
        var authors = a.Authors.ToList();
        authors[^1] = b.Authors[random.Next(b.Authors.Count)];
        return Record(p, string.Join(' ', words), string.Join(' ', sentences), authors, a.Categories);
    }

    static PaperRecord Record(Planned p, string title, string abs, IReadOnlyList<string> authors, IReadOnlyList<string> categories) => new()
    {
        Id = p.Id, Version = 1, IsArxivMetadata = true, Title = title, Abstract = abs, Authors = authors, Categories = categories,
        PublishedAt = p.Published, UpdatedAt = p.Published,
    };

    static async Task WriteVectorsAsync(WebApplication app, List<Planned> plan, Dictionary<int, int> vectorOf)
    {
        const int dims = 384;
        var real = EmbedCorpus.Load(VectorsPath, dims);
        var random = new Random(7);
        foreach (var chunk in plan.Chunk(5000))
        {
            var rows = chunk.Select(p =>
            {
                var source = real[vectorOf.TryGetValue(p.A, out var line) ? line : p.Seed % real.Length];
                var v = new float[dims];
                for (var d = 0; d < dims; d++) v[d] = source[d] + (p.B < 0 ? 0 : (float)(Gaussian(random) * 0.018));
                System.Numerics.Tensors.TensorPrimitives.Divide(v, System.Numerics.Tensors.TensorPrimitives.Norm(v), v);
                return (p.Id, v);
            }).ToList();
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<EmbeddingStore>().SaveAsync(Model, rows, CancellationToken.None);
        }
    }

    static async Task ExecAsync(WebApplication app, string sql)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaperboyDb>();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    static string[] Sentences(string text)
    {
        var parts = Flat(text).Split(". ", StringSplitOptions.RemoveEmptyEntries);
        return parts.Select((s, i) => i < parts.Length - 1 ? s + "." : s).ToArray();
    }

    static string Flat(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
