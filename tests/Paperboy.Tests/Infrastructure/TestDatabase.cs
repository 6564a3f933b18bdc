using Microsoft.Data.Sqlite;
using Npgsql;

namespace Paperboy.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test: a temporary SQLite file, or a new database in the throwaway
/// PostgreSQL cluster that scripts/test.sh starts (its admin connection string in PAPERBOY_TEST_PG).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public Engine Engine { get; }
    public string ConnectionString { get; }
    public string DataDir { get; }
    readonly string? _pgName;

    TestDatabase(Engine engine, string connectionString, string dataDir, string? pgName)
    {
        Engine = engine;
        ConnectionString = connectionString;
        DataDir = dataDir;
        _pgName = pgName;
    }

    /// <summary>Configuration keys that point the app at this database.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Paperboy:DataDir"] = DataDir,
        ["Paperboy:Database:Provider"] = Engine == Engine.Postgres ? "postgres" : "sqlite",
        ["ConnectionStrings:Paperboy"] = ConnectionString,
    };

    public static async Task<TestDatabase> CreateAsync(Engine engine)
    {
        var dataDir = Directory.CreateTempSubdirectory("paperboy-test-").FullName;
        if (engine == Engine.Sqlite)
        {
            var cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDir, "paperboy.db"), DefaultTimeout = 30 }.ToString();
            return new TestDatabase(engine, cs, dataDir, null);
        }
        var admin = AdminConnectionString();
        var name = "pb_" + Guid.NewGuid().ToString("N")[..16];
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var csb = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(engine, csb.ToString(), dataDir, name);
    }

    /// <summary>Every row of <paramref name="sql"/>, columns joined by tabs, one line per row: for comparing two databases' contents.</summary>
    public async Task<string> DumpAsync(string sql)
    {
        await using System.Data.Common.DbConnection conn = Engine == Engine.Sqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var text = new System.Text.StringBuilder();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
                text.Append(i == 0 ? "" : "\t").Append(Format(reader.GetValue(i)));
            text.Append('\n');
        }
        return text.ToString();
    }

    static string Format(object value) => value switch
    {
        byte[] bytes => Convert.ToHexString(bytes),
        DateTime t => t.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        Array items => string.Join('|', items.Cast<object>().Select(Format)),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    public static string AdminConnectionString() =>
        Environment.GetEnvironmentVariable("PAPERBOY_TEST_PG") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "PAPERBOY_TEST_PG is not set: run the tests with scripts/test.sh, which starts a throwaway PostgreSQL 15.");

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_pgName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(AdminConnectionString());
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgName} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
