using Microsoft.Data.Sqlite;

namespace Paperboy.Storage;

/// <summary>
/// Copies of the SQLite database through SQLite's online backup API: consistent while the hub serves and writes (the copy
/// is the database as of one transaction), and a restore replaces the live database's pages under SQLite's own locks,
/// so connections that stay open see the restored data. Not for PostgreSQL (pg_dump and pg_restore do it there).
/// </summary>
public static class SqliteBackup
{
    /// <summary>Writes a copy of the database to <paramref name="file"/> (through a temporary file, renamed when whole).</summary>
    public static void Backup(string connectionString, string file)
    {
        var partial = file + ".partial";
        File.Delete(partial);
        using (var source = new SqliteConnection(connectionString))
        using (var target = new SqliteConnection(ConnectionTo(partial, SqliteOpenMode.ReadWriteCreate)))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);
            // A single file: the copy keeps no write-ahead log beside it.
            using var cmd = target.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode=DELETE";
            cmd.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        File.Move(partial, file, overwrite: true);
    }

    /// <summary>Why <paramref name="file"/> is not a Paperboy backup (not SQLite, damaged, no migrations), or null when it is one.</summary>
    public static string? Problem(string file)
    {
        if (!File.Exists(file)) return $"{file} does not exist.";
        try
        {
            using var conn = new SqliteConnection(ReadOnly(file));
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "PRAGMA quick_check";
            if (cmd.ExecuteScalar() as string != "ok") return $"{file} is a damaged SQLite database (PRAGMA quick_check fails).";
            cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('schema_migrations', 'papers')";
            return Convert.ToInt64(cmd.ExecuteScalar()) == 2 ? null : $"{file} is a SQLite database but not Paperboy's (no papers, no schema_migrations).";
        }
        catch (SqliteException e)
        {
            return $"{file} is not a SQLite database ({e.Message}).";
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>How many papers the database has, or null when there is none yet (a new data folder).</summary>
    public static long? Papers(string connectionString)
    {
        if (!File.Exists(new SqliteConnectionStringBuilder(connectionString).DataSource)) return null;
        using var conn = new SqliteConnection(connectionString);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'papers'";
        if (Convert.ToInt64(cmd.ExecuteScalar()) == 0) return null;
        cmd.CommandText = "SELECT count(*) FROM papers";
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    /// <summary>Replaces the database's content with <paramref name="file"/>'s (check <see cref="Problem"/> first).</summary>
    public static void Restore(string file, string connectionString)
    {
        using var source = new SqliteConnection(ReadOnly(file));
        using var target = new SqliteConnection(connectionString);
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }

    /// <summary>A connection string that opens <paramref name="file"/> read-only (a backup, to look into it).</summary>
    public static string ReadOnly(string file) => ConnectionTo(file, SqliteOpenMode.ReadOnly);

    static string ConnectionTo(string file, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString();
}
