using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Paperboy.Storage;

/// <summary>
/// Bumps <see cref="DataVersion"/> after any SaveChanges that added, changed or removed a paper or a featuring, so
/// cached lists never outlive a write made through EF's change tracker. Bulk writers (raw SQL, ExecuteUpdate) call
/// <see cref="DataVersion.Bump"/> themselves.
/// </summary>
public sealed class DataVersionInterceptor(DataVersion version) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Apply(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // Entries are accepted once saving is done, so what is pending is noted before, per context, and acted on after
    // the commit (bumping before it would let a reader cache the old rows under the new stamp).
    readonly ConditionalWeakTable<DbContext, object> _pending = new();

    void Remember(DbContext? context)
    {
        if (context is null) return;
        var touchesLists = context.ChangeTracker.Entries()
            .Any(e => e.Entity is Paper or FeaturedPaper && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
        if (touchesLists) _pending.AddOrUpdate(context, this);
        else _pending.Remove(context);
    }

    void Apply(DbContext? context)
    {
        if (context is not null && _pending.Remove(context)) version.Bump();
    }
}
