using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Community.CommunityTestData;

namespace Paperboy.Tests.Cli;

/// <summary><c>paperboy backup</c> and <c>paperboy restore</c> as an operator runs them, next to a hub that keeps writing.</summary>
public sealed class BackupCliTests
{
    static Task<(int Code, string Out, string Err)> PaperboyAsync(string dataDir, params string[] args) =>
        PaperboyProcess.RunAsync(new Dictionary<string, string?> { ["Paperboy:DataDir"] = dataDir }, args);

    [Fact]
    public async Task ABackupTakenWhileCommentsAreWrittenRestoresEveryCommentCommittedBeforeIt()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2601.00001");
        var (ada, _) = await AddUserAsync(app, "ada");
        using var backups = new TempFolder();
        var file = backups.File("paperboy-backup.db");

        // The hub's writer: one comment per transaction, counting those committed.
        var committed = 0;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var n = committed + 1;
                await app.WithDbAsync(async db =>
                {
                    db.Add(new Comment { PaperId = "2601.00001", UserId = ada.Id, Text = $"comment {n}", CreatedAt = DateTime.UtcNow });
                    await db.SaveChangesAsync();
                });
                committed = n;
            }
        });
        await Eventually.WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref committed) >= 20), TimeSpan.FromSeconds(30), "twenty comments");
        var before = Volatile.Read(ref committed);
        var (code, output, error) = await PaperboyAsync(app.Database.DataDir, "backup", file);
        await stop.CancelAsync();
        await writer;
        Assert.True(code == 0, error);
        Assert.Matches(@"^backed up 1 papers to .*paperboy-backup\.db \(\d+\.\d MB\) in \d+\.\d s\n$", output);

        using var fresh = new TempFolder();
        (code, output, error) = await PaperboyAsync(fresh.Path, "restore", file);
        Assert.True(code == 0, error);
        Assert.Equal($"restored 1 papers from {file}\n", output);
        var texts = await ReadCommentsAsync(Path.Combine(fresh.Path, "paperboy.db"));
        // Every comment committed before the backup began is there, in one unbroken run (a consistent copy).
        Assert.True(texts.Count >= before, $"{texts.Count} comments restored, {before} were committed before the backup");
        Assert.Equal(Enumerable.Range(1, texts.Count).Select(i => $"comment {i}"), texts);
    }

    [Fact]
    public async Task RestoreRefusesToReplaceADatabaseWithoutForceAndABadFileIsOneLine()
    {
        using var data = new TempFolder();
        Assert.Equal(0, (await PaperboyAsync(data.Path, "import", "hf-daily", SharedData.PathOf("hf-daily-papers", "2026-08-21.json"))).Code);
        var file = data.File("copy.db");
        Assert.Equal(0, (await PaperboyAsync(data.Path, "backup", file)).Code);

        var (code, _, error) = await PaperboyAsync(data.Path, "backup", file);
        Assert.Equal(2, code);
        Assert.Equal($"error: {file} exists; pass --force to replace it.", error.Trim());

        (code, _, error) = await PaperboyAsync(data.Path, "restore", file);
        Assert.Equal(2, code);
        Assert.Equal($"error: this data folder already has a database (17 papers); stop the hub and pass --force to replace it with {file}.", error.Trim());

        var (forced, output, _) = await PaperboyAsync(data.Path, "restore", file, "--force");
        Assert.Equal(0, forced);
        Assert.Equal($"restored 17 papers from {file}\n", output);

        var notSqlite = data.File("notes.txt");
        await File.WriteAllTextAsync(notSqlite, "not a database");
        (code, _, error) = await PaperboyAsync(data.Path, "restore", notSqlite, "--force");
        Assert.Equal(2, code);
        Assert.StartsWith($"error: {notSqlite} is not a SQLite database (", error.Trim());
        Assert.DoesNotContain("   at ", error);
    }

    static async Task<List<string>> ReadCommentsAsync(string dbPath)
    {
        await using var conn = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={dbPath};Pooling=False");
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT text FROM comments ORDER BY id";
        var texts = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) texts.Add(reader.GetString(0));
        return texts;
    }
}
