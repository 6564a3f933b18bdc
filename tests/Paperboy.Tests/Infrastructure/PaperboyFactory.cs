using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Storage;

namespace Paperboy.Tests.Infrastructure;

/// <summary>
/// The real app on a real database, one per test. Schedules are off unless a test turns them on.
/// <c>await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);</c>
/// For a browser test call <see cref="StartServerAsync"/> (real Kestrel on loopback) and use <see cref="ServerAddress"/>.
/// </summary>
public sealed class PaperboyFactory : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; }
    readonly Dictionary<string, string?> _settings;
    bool _kestrel;

    PaperboyFactory(TestDatabase database, IDictionary<string, string?>? settings)
    {
        Database = database;
        _settings = database.Settings;
        _settings["Paperboy:Ingest:Scheduled"] = "false";
        _settings["Paperboy:Digest:Scheduled"] = "false";
        // Embedding loads a 90 MB model and costs CPU: search tests turn the back-fill on or run it themselves.
        _settings["Paperboy:Search:Backfill"] = "false";
        // Tests read counts right after voting; DataVersionTests checks the delay the hub has by default.
        _settings["Paperboy:Feed:CountsDelay"] = "00:00:00";
        if (settings is not null) foreach (var (k, v) in settings) _settings[k] = v;
    }

    /// <summary>Creates the database and the app, and applies migrations (the host is started).</summary>
    public static async Task<PaperboyFactory> StartAsync(Engine engine, IDictionary<string, string?>? settings = null)
    {
        var db = await TestDatabase.CreateAsync(engine);
        var factory = new PaperboyFactory(db, settings);
        _ = factory.Services; // builds and starts the host: migrations run here
        return factory;
    }

    /// <summary>Starts a real Kestrel server on a free loopback port instead of the in-memory test server.</summary>
    public static async Task<PaperboyFactory> StartServerAsync(Engine engine, IDictionary<string, string?>? settings = null)
    {
        var db = await TestDatabase.CreateAsync(engine);
        var factory = new PaperboyFactory(db, settings) { _kestrel = true };
        // UseKestrel(0) rewrites the server's addresses after the app has started binding, a race that fails under load
        // (dotnet/aspnetcore#67714); binding port 0 through the app's own URL setting avoids it.
        factory.UseKestrel();
        factory.StartServer();
        return factory;
    }

    /// <summary>The loopback base address of the Kestrel server (after <see cref="StartServerAsync"/>).</summary>
    public Uri ServerAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(_settings));
        // Configuration applied here is also seen by AddPaperboyStorage, which reads it while services are built.
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
        if (_kestrel) builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
    }

    /// <summary>A scope with a fresh DbContext, for arranging and asserting on stored rows.</summary>
    public async Task<T> WithDbAsync<T>(Func<PaperboyDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PaperboyDb>());
    }

    public async Task WithDbAsync(Func<PaperboyDb, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<PaperboyDb>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
