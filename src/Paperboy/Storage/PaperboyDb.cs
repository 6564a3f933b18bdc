using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Paperboy.Storage;

/// <summary>
/// The one DbContext. Each table's entity and its <see cref="IEntityTypeConfiguration{T}"/> live in Storage/Entities;
/// tables and columns are snake_case so that the hand-written migrations in Storage/Migrations read naturally.
/// </summary>
public sealed class PaperboyDb(DbContextOptions<PaperboyDb> options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET data-protection keys, shared by every instance (Community/CommunitySetup keeps them here).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The engine this context was configured for (from <see cref="StorageConnection"/>, decided once in <see cref="StorageSetup"/>).</summary>
    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>
    /// The context's connection for plain SQL, opened through EF when it is not yet (so the SQLite pragmas apply); EF
    /// keeps it open, and the context closes it when disposed.
    /// </summary>
    public async Task<System.Data.Common.DbConnection> OpenConnectionAsync(CancellationToken ct)
    {
        var conn = Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await Database.OpenConnectionAsync(ct);
        return conn;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PaperboyDb).Assembly);
        var utc = new ValueConverter<DateTime, DateTime>(
            v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
            v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase.From(property.Name));
                if (property.ClrType == typeof(DateTime) || property.ClrType == typeof(DateTime?))
                    property.SetValueConverter(utc);
            }
            foreach (var key in entity.GetKeys()) key.SetName(null);
        }
    }
}
