using System.CommandLine;
using System.Diagnostics;
using Paperboy.Storage;

namespace Paperboy.Cli;

/// <summary><c>paperboy backup FILE</c> and <c>paperboy restore FILE</c> (SQLite; PostgreSQL has pg_dump and pg_restore).</summary>
public static class BackupVerbs
{
    public static IEnumerable<Command> All(WebApplication app) => [Backup(app), Restore(app)];

    static Command Backup(WebApplication app)
    {
        var file = new Argument<string>("file") { Description = "Where to write the copy (one SQLite file)." };
        var force = new Option<bool>("--force") { Description = "Replace the file if it exists." };
        var cmd = new Command("backup", "Write a consistent copy of the database while the hub serves.") { file, force };
        cmd.SetAction((pr, ct) =>
        {
            var storage = Sqlite(app, "backup");
            var path = Path.GetFullPath(pr.GetValue(file)!);
            if (File.Exists(path) && !pr.GetValue(force)) throw new CliException($"{path} exists; pass --force to replace it.");
            if (!Directory.Exists(Path.GetDirectoryName(path))) throw new CliException($"{Path.GetDirectoryName(path)} is not a folder.");
            if (SqliteBackup.Papers(storage.ConnectionString) is null) throw new CliException("there is no database to back up here yet.");
            var clock = Stopwatch.StartNew();
            SqliteBackup.Backup(storage.ConnectionString, path);
            Console.WriteLine($"backed up {SqliteBackup.Papers(SqliteBackup.ReadOnly(path)):N0} papers to {path} ({new FileInfo(path).Length / 1048576.0:0.0} MB) in {clock.Elapsed.TotalSeconds:0.0} s");
            return Task.FromResult(0);
        });
        return cmd;
    }

    static Command Restore(WebApplication app)
    {
        var file = new Argument<string>("file") { Description = "A file that paperboy backup wrote." };
        var force = new Option<bool>("--force") { Description = "Replace the database this data folder already has." };
        var cmd = new Command("restore", "Replace the database with a backup (stop the hub first).") { file, force };
        cmd.SetAction(async (pr, ct) =>
        {
            var storage = Sqlite(app, "restore");
            var path = Path.GetFullPath(pr.GetValue(file)!);
            if (SqliteBackup.Problem(path) is { } problem) throw new CliException(problem);
            if (SqliteBackup.Papers(storage.ConnectionString) is { } papers && !pr.GetValue(force))
                throw new CliException($"this data folder already has a database ({papers:N0} papers); stop the hub and pass --force to replace it with {path}.");
            SqliteBackup.Restore(path, storage.ConnectionString);
            // A backup from an older version gets this version's migrations.
            var applied = await app.Services.GetRequiredService<Migrator>().MigrateAsync(ct);
            Console.WriteLine($"restored {SqliteBackup.Papers(storage.ConnectionString):N0} papers from {path}" +
                              (applied.Count > 0 ? $", then applied {applied.Count} migration(s)" : ""));
            return 0;
        });
        return cmd;
    }

    static StorageConnection Sqlite(WebApplication app, string verb)
    {
        var storage = app.Services.GetRequiredService<StorageConnection>();
        if (storage.IsPostgres)
            throw new CliException($"{verb} copies SQLite databases; on PostgreSQL use pg_dump -Fc and pg_restore (see the README).");
        return storage;
    }
}
