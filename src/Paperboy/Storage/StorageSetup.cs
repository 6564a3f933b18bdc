using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Paperboy.Storage;

public static class StorageSetup
{
    /// <summary>
    /// Registers <see cref="PaperboyDb"/> for the configured engine and the <see cref="Migrator"/>.
    /// Configuration is read when first needed, so that test hosts can override it.
    /// </summary>
    public static IServiceCollection AddPaperboyStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp => Resolve(sp.GetRequiredService<IConfiguration>()));
        services.AddDbContextPool<PaperboyDb>((sp, o) =>
        {
            var storage = sp.GetRequiredService<StorageConnection>();
            Configure(o, storage.IsPostgres, storage.ConnectionString);
            // Features register interceptors (e.g. Feed's cache invalidation) as IInterceptor singletons.
            o.AddInterceptors(sp.GetServices<IInterceptor>());
        });
        services.AddSingleton<Migrator>();
        // EF logs every command at Information; a background import would print thousands of lines per run.
        services.Configure<LoggerFilterOptions>(o => o.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder o, bool isPostgres, string connectionString)
    {
        if (isPostgres) o.UseNpgsql(connectionString);
        else o.UseSqlite(connectionString).AddInterceptors(SqlitePragmas.Instance);
        o.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
    }

    public static StorageConnection Resolve(IConfiguration config)
    {
        var db = config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (!db.IsPostgres && !string.Equals(db.Provider, "sqlite", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"Paperboy:Database:Provider is '{db.Provider}'; use 'sqlite' (the default) or 'postgres'.");
        var configured = config.GetConnectionString("Paperboy");
        if (db.IsPostgres)
            return !string.IsNullOrWhiteSpace(configured) ? new StorageConnection(true, configured) : throw new InvalidOperationException(
                "Paperboy:Database:Provider is 'postgres' but ConnectionStrings:Paperboy is empty; " +
                "set ConnectionStrings__Paperboy=\"Host=...;Database=...;Username=...\".");
        if (!string.IsNullOrWhiteSpace(configured)) return new StorageConnection(false, configured);
        var dataDir = PaperboyPaths.DataDir(config);
        Directory.CreateDirectory(dataDir);
        return new StorageConnection(false, new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDir, "paperboy.db"),
            DefaultTimeout = 30,
        }.ToString());
    }
}

/// <summary>The engine and connection string in force, for the code that talks ADO.NET directly (bulk upserts, search).</summary>
public sealed record StorageConnection(bool IsPostgres, string ConnectionString);
