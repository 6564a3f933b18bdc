using System.Diagnostics;
using System.IO.Compression;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Digest.DigestTestData;

namespace Paperboy.Tests.Operations;

/// <summary>
/// What an operator finds after crashes: real <c>paperboy</c> processes killed with SIGKILL at random moments, then run
/// again until they finish, leave the data a run that was never interrupted leaves. The short version of
/// <c>bench/crash/campaign.sh</c> (docs/reliability.md, "Crashes").
/// </summary>
public abstract class CrashTests(Engine engine)
{
    [Fact]
    public async Task ASnapshotImportKilledThreeTimesEndsWithThePapersOfACleanImport()
    {
        using var files = new TempFolder();
        var slice = Slice(files.File("slice.jsonl"), lines: 10_000); // five batches: room for three kills mid-import
        await using var clean = await TestDatabase.CreateAsync(engine);
        await using var crashed = await TestDatabase.CreateAsync(engine);
        string[] import = ["import", "snapshot", slice];
        await FinishAsync(clean, import);
        await FinishAsync(crashed, ["migrate"]);

        await KillAtRandomMomentsAsync(crashed, import, kills: 3, () => CountAsync(crashed, "papers"));
        var (output, _) = await FinishAsync(crashed, import);

        Assert.StartsWith("imported snapshot slice.jsonl: ", output);
        Assert.Equal(await crashed.DumpAsync(PapersSql), await clean.DumpAsync(PapersSql));
        Assert.Equal(10_000, await CountAsync(crashed, "papers"));
    }

    [Fact]
    public async Task AMigrationKilledOnceEndsWithTheSchemaOfACleanOne()
    {
        await using var clean = await TestDatabase.CreateAsync(engine);
        await using var crashed = await TestDatabase.CreateAsync(engine);
        var cleanRun = await FinishAsync(clean, ["migrate"]);

        await using (var run = PaperboyProcess.Start(ProcessSettings(crashed), "migrate"))
        {
            await Task.Delay(RandomMoment(cleanRun.Elapsed)); // the scenario: a kill anywhere in a run's length
            await run.KillAsync();
        }
        await FinishAsync(crashed, ["migrate"]);

        Assert.Equal(await crashed.DumpAsync(SchemaSql), await clean.DumpAsync(SchemaSql));
        Assert.Equal(await crashed.DumpAsync(MigrationsSql), await clean.DumpAsync(MigrationsSql));
    }

    [Fact]
    public async Task AnEmbeddingBackfillKilledThreeTimesEndsWithTheVectorsOfACleanOne()
    {
        await using var clean = await TestDatabase.CreateAsync(engine);
        await using var crashed = await TestDatabase.CreateAsync(engine);
        string[] import = ["import", "hf-daily", SharedData.PathOf("hf-daily-papers", "2026-08-21.json")];
        await FinishAsync(clean, import);
        await FinishAsync(crashed, import);
        var cleanRun = await FinishAsync(clean, ["embed"]);

        for (var i = 0; i < 3; i++)
        {
            await using var run = PaperboyProcess.Start(ProcessSettings(crashed), "embed");
            await Task.Delay(RandomMoment(cleanRun.Elapsed)); // the scenario: a kill anywhere in a run's length
            await run.KillAsync();
        }
        await FinishAsync(crashed, ["embed"]);

        Assert.Equal(17, await CountAsync(crashed, "paper_embeddings"));
        Assert.Equal(await crashed.DumpAsync(VectorsSql), await clean.DumpAsync(VectorsSql));
    }

    [Fact]
    public async Task ADigestRunKilledTwiceDeliversEveryMessageAndRepeatsAtMostTheOnesInFlight()
    {
        // A slow server (0.2 s per recipient), so that the kills land while messages are on their way.
        await using var smtp = await SmtpServer.StartAsync(rcptDelaySeconds: 0.2);
        await using var app = await PaperboyFactory.StartAsync(engine, Settings(smtp));
        await AddPapersAsync(app, Monday, Paper("2608.00001", "Featured"));
        const int count = 30;
        var everyone = Enumerable.Range(0, count).Select(i => $"r{i:00}@example.org").ToList();
        foreach (var address in everyone) await AddSubscriberAsync(app, address);
        var settings = app.Database.Settings.Concat(Settings(smtp, ("Paperboy:Digest:Connections", Connections.ToString()),
            ("Paperboy:Digest:ClaimBatch", "4"), ("Paperboy:Digest:ClaimSeconds", ClaimSeconds.ToString()))).ToList();
        string[] send = ["digest", "send", "--date", "2026-08-25"];

        for (var kill = 0; kill < 2; kill++)
        {
            var arrived = (await smtp.MessagesAsync()).Count;
            await using (var run = PaperboyProcess.Start(settings, send))
            {
                // A bound, not a pause: starting, migrating and composing took over a minute at a load average of 35.
                await smtp.WaitForMessagesAsync(arrived + 3, PaperboyProcess.DefaultTimeout);
                await Task.Delay(RandomMoment(TimeSpan.FromSeconds(1))); // the scenario: a random moment of the sending
                await run.KillAsync();
            }
            // Part of the scenario: the killed run's claims must run out before a new run may take its messages over.
            await Task.Delay(TimeSpan.FromSeconds(ClaimSeconds + 0.2));
        }
        var (code, output, error) = await PaperboyProcess.RunAsync(settings, send);

        Assert.True(code == 0, output + error);
        Assert.Contains("still waiting 0", output);
        var messages = await smtp.MessagesAsync();
        Assert.Equal(everyone, messages.Select(To).Distinct().Order());
        // SMTP cannot make delivery exactly-once: a message the server accepted in the instant before a kill, before its
        // outcome was stored, goes again (same Message-ID). Each connection waits for its outcome to be stored before
        // the next message, so that is at most one message per connection per kill.
        var repeated = messages.GroupBy(m => (To(m), m.MessageId)).Sum(g => g.Count() - 1);
        Assert.InRange(repeated, 0, 2 * Connections);
        Assert.Equal(count, messages.Select(m => m.MessageId).Distinct().Count());
    }

    const int Connections = 2;
    /// <summary>Short, so the test waits little after a kill; long enough for a batch of four slow recipients under load.</summary>
    const int ClaimSeconds = 4;

    const string PapersSql = """
        SELECT id, version, title, abstract, authors, categories, published_at, updated_at, comment, journal_ref, doi,
               project_page, github_repo, github_stars, imported_upvotes, local_upvotes, hidden
        FROM papers ORDER BY id
        """;
    const string VectorsSql = "SELECT paper_id, model, vector FROM paper_embeddings ORDER BY paper_id, model";
    const string MigrationsSql = "SELECT version FROM schema_migrations ORDER BY version";
    string SchemaSql => engine == Engine.Sqlite
        ? "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
        : """
          SELECT table_name, column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '')
          FROM information_schema.columns WHERE table_schema = 'public'
          UNION ALL SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'
          UNION ALL SELECT 'trigger', tgname FROM pg_trigger WHERE NOT tgisinternal
          ORDER BY 1, 2
          """;

    static Dictionary<string, string?> ProcessSettings(TestDatabase db)
    {
        var settings = db.Settings;
        settings["Paperboy:Search:IntraOpThreads"] = "1";
        return settings;
    }

    static TimeSpan RandomMoment(TimeSpan within) => within * Random.Shared.NextDouble();

    /// <summary>Runs the verb to its end and returns what it printed and how long it took.</summary>
    static async Task<(string Output, TimeSpan Elapsed)> FinishAsync(TestDatabase db, string[] args)
    {
        var clock = Stopwatch.StartNew();
        var (code, output, error) = await PaperboyProcess.RunAsync(ProcessSettings(db), args);
        Assert.True(code == 0, $"paperboy {string.Join(' ', args)} exited with {code}: {output}{error}");
        return (output, clock.Elapsed);
    }

    /// <summary>
    /// Starts the verb <paramref name="kills"/> times and kills each run at a random moment of its work: once it has
    /// written something (<paramref name="progress"/> grew), within the next half second.
    /// </summary>
    static async Task KillAtRandomMomentsAsync(TestDatabase db, string[] args, int kills, Func<Task<long>> progress)
    {
        for (var i = 0; i < kills; i++)
        {
            var before = await progress();
            await using var run = PaperboyProcess.Start(ProcessSettings(db), args);
            await Eventually.WaitUntilAsync(async () => run.HasExited || await progress() > before, TimeSpan.FromSeconds(120),
                $"paperboy {string.Join(' ', args)} to write something");
            await Task.Delay(RandomMoment(TimeSpan.FromMilliseconds(500))); // the scenario: a random moment of the work
            await run.KillAsync();
        }
    }

    static async Task<long> CountAsync(TestDatabase db, string table) =>
        long.Parse((await db.DumpAsync($"SELECT count(*) FROM {table}")).Trim());

    /// <summary>The first lines of the recorded 75k snapshot, as a file of their own (deleted with the folder).</summary>
    static string Slice(string path, int lines)
    {
        using var input = new StreamReader(new GZipStream(File.OpenRead(SharedData.PathOf("arxiv-snapshot", "arxiv-metadata-75k.jsonl.gz")), CompressionMode.Decompress));
        using var output = new StreamWriter(path);
        for (var i = 0; i < lines && input.ReadLine() is { } line; i++) output.WriteLine(line);
        return path;
    }
}

public sealed class SqliteCrashTests() : CrashTests(Engine.Sqlite);
public sealed class PostgresCrashTests() : CrashTests(Engine.Postgres);
