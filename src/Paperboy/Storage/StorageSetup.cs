using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Paperboy.Jobs;

namespace Paperboy.Storage;

public static class StorageSetup
{
    /// <summary>
    /// Registers <see cref="PaperboyDb"/> for the configured engine, chosen here once (<see cref="StorageConnection"/>),
    /// the <see cref="Migrator"/>, the data version and the job leases. Configuration is read when first needed, so that
    /// test hosts can override it.
    /// </summary>
    public static IServiceCollection AddPaperboyStorage(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations()
            .Validate<IConfiguration>((db, config) => !db.IsPostgres || !string.IsNullOrWhiteSpace(config.GetConnectionString("Paperboy")),
                "Paperboy:Database:Provider is 'postgres' but ConnectionStrings:Paperboy is empty; " +
                "set ConnectionStrings__Paperboy=\"Host=...;Database=...;Username=...\".")
            .ValidateOnStart();
        services.AddSingleton(sp => Resolve(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, sp.GetRequiredService<IConfiguration>()));
        services.AddDbContextPool<PaperboyDb>((sp, o) =>
        {
            var storage = sp.GetRequiredService<StorageConnection>();
            Configure(o, storage.IsPostgres, storage.ConnectionString);
            // Features register interceptors (e.g. DataVersion's cache invalidation) as IInterceptor singletons.
            o.AddInterceptors(sp.GetServices<IInterceptor>());
        });
        services.AddSingleton<Migrator>();
        services.AddScoped<AuditLog>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddSingleton<ClusterSignals>();
        services.AddSingleton<DataVersion>();
        services.AddSingleton<JobLeases>();
        services.AddSingleton<IJobLeases>(sp => sp.GetRequiredService<JobLeases>());
        services.AddSingleton<IInterceptor, DataVersionInterceptor>();
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

    /// <summary>The engine and its connection string from validated settings: the one place the engine is decided.</summary>
    public static StorageConnection Resolve(DatabaseOptions db, IConfiguration config)
    {
        var configured = config.GetConnectionString("Paperboy");
        if (db.IsPostgres) return new StorageConnection(true, configured!);
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
