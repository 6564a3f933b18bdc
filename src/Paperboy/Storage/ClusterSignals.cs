using System.Threading.Channels;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace Paperboy.Storage;

/// <summary>
/// What one instance tells the others on the same PostgreSQL database, through <c>LISTEN</c>/<c>NOTIFY</c> on the
/// channel <see cref="Channel"/>: that the data the pages show changed (<see cref="DataVersion"/>), and which cached
/// entries to forget (a revoked API token, a rotated security stamp, a hidden paper), so that a change made through
/// one instance shows on every instance within milliseconds, not after a cache's lifetime. On SQLite there is one
/// process and nothing to tell.
/// Sending never blocks the caller: messages queue and one connection sends them in order. Listening is a background
/// service with its own connection; when that connection is lost and comes back, notifications sent meanwhile are
/// gone, so the instance then treats everything as changed (new data version, caches emptied).
/// </summary>
public sealed class ClusterSignals : BackgroundService, IAsyncDisposable
{
    public const string Channel = "paperboy";

    /// <summary>Kinds of message: the data version moved; forget a cache entry (its key follows).</summary>
    public const string DataChanged = "data", Forget = "forget";

    readonly StorageConnection _storage;
    readonly IMemoryCache _cache;
    readonly ILogger<ClusterSignals> _log;
    readonly string _instance = Guid.NewGuid().ToString("N");
    readonly Channel<string> _outgoing = System.Threading.Channels.Channel.CreateUnbounded<string>(new() { SingleReader = true });
    readonly Dictionary<string, Action<string>> _handlers = [];
    Task? _sending;

    public ClusterSignals(StorageConnection storage, IMemoryCache cache, ILogger<ClusterSignals> log)
    {
        (_storage, _cache, _log) = (storage, cache, log);
        On(Forget, key => _cache.Remove(key));
    }

    /// <summary>Whether there are other instances to tell (PostgreSQL).</summary>
    public bool Shared => _storage.IsPostgres;

    /// <summary>Runs <paramref name="handle"/> with the argument of every message of <paramref name="kind"/> another instance sends.</summary>
    public void On(string kind, Action<string> handle)
    {
        lock (_handlers) _handlers[kind] = handle;
    }

    /// <summary>Tells every other instance (after the change is committed; returns at once).</summary>
    public void Publish(string kind, string argument = "")
    {
        if (!Shared) return;
        _outgoing.Writer.TryWrite($"{_instance} {kind} {argument}");
        if (_sending is null) lock (_outgoing) _sending ??= Task.Run(SendAsync);
    }

    /// <summary>Forgets a cached entry here and on every other instance.</summary>
    public void ForgetEverywhere(string cacheKey)
    {
        _cache.Remove(cacheKey);
        Publish(Forget, cacheKey);
    }

    /// <summary>Sends what is queued (a command-line import's last change), then closes the sending connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _outgoing.Writer.TryComplete();
        if (_sending is { } sending) await sending.WaitAsync(TimeSpan.FromSeconds(2)).ContinueWith(_ => { }, TaskScheduler.Default);
        Dispose();
    }

    async Task SendAsync()
    {
        NpgsqlConnection? conn = null;
        var batch = new List<string>();
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync())
            {
                while (batch.Count < 100 && _outgoing.Reader.TryRead(out var message))
                    if (!batch.Contains(message)) batch.Add(message); // ten votes in a burst are one "data changed"
                try
                {
                    if (conn is null)
                    {
                        conn = new NpgsqlConnection(Dedicated());
                        await conn.OpenAsync();
                    }
                    await using var cmd = conn.CreateCommand();
                    cmd.CommandText = "SELECT " + string.Join(", ", batch.Select((_, i) => $"pg_notify('{Channel}', @p{i})"));
                    for (var i = 0; i < batch.Count; i++) cmd.Parameters.AddWithValue($"p{i}", batch[i]);
                    await cmd.ExecuteNonQueryAsync();
                }
                catch (Exception e)
                {
                    // The database is away: the others treat everything as changed when their own connection comes back.
                    _log.LogWarning("could not notify the other instances: {Reason}", e.Message);
                    if (conn is not null) await conn.DisposeAsync();
                    conn = null;
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }
                batch.Clear();
            }
        }
        finally
        {
            if (conn is not null) await conn.DisposeAsync();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Shared) return;
        var lost = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var conn = new NpgsqlConnection(Dedicated());
                await conn.OpenAsync(stoppingToken);
                conn.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", conn)) await listen.ExecuteNonQueryAsync(stoppingToken);
                if (lost)
                {
                    // What was sent meanwhile is lost: everything may have changed.
                    _log.LogInformation("listening to the other instances again");
                    (_cache as MemoryCache)?.Compact(1.0);
                    Dispatch(DataChanged, "");
                    lost = false;
                }
                while (true) await conn.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                if (!lost) _log.LogWarning("lost the connection that hears the other instances: {Reason}", e.Message);
                lost = true;
                try { await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    void Receive(string payload)
    {
        var parts = payload.Split(' ', 3);
        if (parts.Length == 3 && parts[0] != _instance) Dispatch(parts[1], parts[2]);
    }

    void Dispatch(string kind, string argument)
    {
        Action<string>? handle;
        lock (_handlers) _handlers.TryGetValue(kind, out handle);
        try { handle?.Invoke(argument); }
        catch (Exception e) { _log.LogWarning("could not apply {Kind} from another instance: {Reason}", kind, e.Message); }
    }

    /// <summary>A connection of its own, out of the pool, kept alive: LISTEN belongs to a session.</summary>
    string Dedicated() => new NpgsqlConnectionStringBuilder(_storage.ConnectionString)
    {
        Pooling = false,
        KeepAlive = 15,
        ApplicationName = "paperboy-signals",
    }.ToString();
}
