using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Paperboy.Storage;

namespace Paperboy.Community;

/// <summary>Accounts: find, create, change role and security stamp.</summary>
public sealed partial class UserStore(PaperboyDb db)
{
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{1,29}$", RegexOptions.CultureInvariant)]
    private static partial Regex HandlePattern();

    static readonly HashSet<string> Reserved = ["admin", "api", "about", "account", "signin", "signout", "papers", "u", "me", "paperboy"];

    /// <summary>Null when the handle is fine, else what is wrong with it.</summary>
    public static string? HandleProblem(string? handle)
    {
        if (string.IsNullOrWhiteSpace(handle)) return "Choose a handle.";
        if (!HandlePattern().IsMatch(handle))
            return "A handle is 2 to 30 characters: lower-case letters, digits, '-' and '_', starting with a letter or digit.";
        return Reserved.Contains(handle) ? $"'{handle}' is reserved; choose another handle." : null;
    }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public static bool IsPlausibleEmail(string? email) =>
        email is { Length: > 2 and <= 254 } && MimeKit.MailboxAddress.TryParse(email.Trim(), out var box) && box.Address.Contains('@')
        && !email.Contains(' ') && !email.Any(char.IsControl); // MimeKit unfolds "ada\r\n@example.org" into an address

    public static string NewStamp() => Guid.NewGuid().ToString("N");

    public Task<User?> FindAsync(long id, CancellationToken ct) => db.Set<User>().FirstOrDefaultAsync(u => u.Id == id, ct);

    public Task<User?> FindByEmailAsync(string email, CancellationToken ct)
    {
        var normalized = NormalizeEmail(email);
        return db.Set<User>().FirstOrDefaultAsync(u => u.Email == normalized, ct);
    }

    public Task<User?> FindByHandleAsync(string handle, CancellationToken ct) =>
        db.Set<User>().FirstOrDefaultAsync(u => u.Handle == handle, ct);

    /// <summary>Creates an account; null when the handle or email is taken.</summary>
    public async Task<User?> CreateAsync(string email, string? handle, UserRole role, CancellationToken ct)
    {
        if (await FindByEmailAsync(email, ct) is not null || (handle is not null && await FindByHandleAsync(handle, ct) is not null)) return null;
        var user = new User { Email = NormalizeEmail(email), Handle = handle, Role = role, SecurityStamp = NewStamp(), CreatedAt = DateTime.UtcNow };
        db.Add(user);
        try
        {
            await db.SaveChangesAsync(ct);
            return user;
        }
        catch (DbUpdateException)
        {
            db.Entry(user).State = EntityState.Detached;
            return null;
        }
    }

    /// <summary>Picks the handle of an account that has none yet; false when it is taken.</summary>
    public async Task<bool> SetHandleAsync(long userId, string handle, CancellationToken ct)
    {
        try
        {
            return await db.Set<User>().Where(u => u.Id == userId && u.Handle == null)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.Handle, handle), ct) == 1;
        }
        catch (System.Data.Common.DbException) { return false; } // the handle was taken in the meantime
    }

    /// <summary>Ends every session of this person ("sign out everywhere").</summary>
    public Task RotateStampAsync(long userId, CancellationToken ct) =>
        db.Set<User>().Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, NewStamp()), ct);
}
