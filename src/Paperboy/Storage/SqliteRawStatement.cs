using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Paperboy.Storage;

/// <summary>
/// A statement prepared once and bound by position straight through SQLitePCL, on a connection Microsoft.Data.Sqlite
/// opened (and whose transaction it joins). The bulk writer's hot path: Microsoft.Data.Sqlite's per-execution work
/// (a data reader per call, a parameter lookup by name, a new byte array per string) cost more than SQLite's insert.
/// </summary>
sealed class SqliteRawStatement : IDisposable
{
    readonly sqlite3 _db;
    readonly sqlite3_stmt _stmt;
    byte[] _utf8 = new byte[16 * 1024];

    public SqliteRawStatement(SqliteConnection conn, string sql)
    {
        _db = conn.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
    }

    /// <summary>The position of <c>$name</c> in the statement; 0 when it does not occur, and binding position 0 does nothing.</summary>
    public int IndexOf(string name) => raw.sqlite3_bind_parameter_index(_stmt, name);

    public void BindNull(int index)
    {
        if (index > 0) Check(raw.sqlite3_bind_null(_stmt, index));
    }

    public void Bind(int index, long value)
    {
        if (index > 0) Check(raw.sqlite3_bind_int64(_stmt, index, value));
    }

    public void Bind(int index, long? value)
    {
        if (value is { } v) Bind(index, v);
        else BindNull(index);
    }

    public void Bind(int index, string? value)
    {
        if (value is null) { BindNull(index); return; }
        if (index == 0) return;
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max > _utf8.Length) _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        var n = Encoding.UTF8.GetBytes(value, _utf8);
        Check(raw.sqlite3_bind_text(_stmt, index, _utf8.AsSpan(0, n))); // SQLite copies it (SQLITE_TRANSIENT)
    }

    /// <summary>A time as EF Core writes it (<see cref="SqliteTime"/>).</summary>
    public void Bind(int index, DateTime value)
    {
        if (index == 0) return;
        Span<char> text = stackalloc char[32];
        value.TryFormat(text, out var chars, SqliteTime.Format, CultureInfo.InvariantCulture);
        Span<byte> bytes = stackalloc byte[32];
        var n = Encoding.ASCII.GetBytes(text[..chars], bytes);
        Check(raw.sqlite3_bind_text(_stmt, index, bytes[..n]));
    }

    /// <summary>Runs the statement to its end and readies it for the next run; returns the rows it changed.</summary>
    public int Execute()
    {
        var rc = raw.sqlite3_step(_stmt);
        raw.sqlite3_reset(_stmt);
        if (rc != raw.SQLITE_DONE) Fail(rc);
        return raw.sqlite3_changes(_db);
    }

    void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) Fail(rc);
    }

    void Fail(int rc) => throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));

    public void Dispose() => _stmt.Dispose();
}
