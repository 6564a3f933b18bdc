using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Paperboy.Mail;
using Paperboy.Storage;

namespace Paperboy.Community;

/// <summary>
/// Passwordless sign-in: a one-time link by email. Unknown addresses get a link too (their first sign-in creates the
/// account), so the answer never tells whether an address has an account.
/// </summary>
public sealed class SignInService(PaperboyDb db, UserStore users, SmtpMailer mailer, IOptions<CommunityOptions> options, ILogger<SignInService> log)
{
    public const string Prefix = "sl";

    public async Task RequestLinkAsync(string email, string baseUrl, CancellationToken ct)
    {
        var normalized = UserStore.NormalizeEmail(email);
        var secret = SecretTokens.NewSecret();
        var now = DateTime.UtcNow;
        var link = new SignInLink
        {
            Email = normalized, SecretHash = SecretTokens.Hash(secret), CreatedAt = now,
            ExpiresAt = now.AddMinutes(options.Value.SignInLinkMinutes),
        };
        db.Add(link);
        await db.SaveChangesAsync(ct);
        var url = $"{baseUrl.TrimEnd('/')}/signin/link?token={Uri.EscapeDataString(SecretTokens.Format(Prefix, link.Id, secret))}";
        var result = await mailer.SendAsync(Message(normalized, url), ct);
        if (result.Outcome != SendOutcome.Sent)
            log.LogWarning("sign-in link {LinkId} not sent: {Reason}", link.Id, result.Reason);
    }

    MimeMessage Message(string to, string url)
    {
        var minutes = options.Value.SignInLinkMinutes;
        var message = new MimeMessage { Subject = "Your Paperboy sign-in link" };
        message.To.Add(MailboxAddress.Parse(to));
        var body = new BodyBuilder
        {
            TextBody = $"Open this link to sign in to Paperboy:\n\n{url}\n\nIt works once and expires in {minutes} minutes. If you did not ask for it, ignore this message.\n",
            HtmlBody = $"<p>Open this link to sign in to Paperboy:</p><p><a href=\"{System.Net.WebUtility.HtmlEncode(url)}\">Sign in to Paperboy</a></p>" +
                       $"<p>It works once and expires in {minutes} minutes. If you did not ask for it, ignore this message.</p>",
        };
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>What a link is worth, without using it up (a GET shows this; only the POST signs in).</summary>
    public async Task<SignInLinkState> CheckAsync(string? token, CancellationToken ct)
    {
        var (link, state) = await LoadAsync(token, ct);
        if (link is null) return state;
        var user = await users.FindByEmailAsync(link.Email, ct);
        return user?.Handle is null ? SignInLinkState.ValidNewAccount : SignInLinkState.Valid;
    }

    /// <summary>Uses the link up and returns the account (created, with the handle, on a first sign-in).</summary>
    public async Task<SignInOutcome> ConsumeAsync(string? token, string? handle, CancellationToken ct)
    {
        var (link, state) = await LoadAsync(token, ct);
        if (link is null) return new SignInOutcome(state, null, null);
        var user = await users.FindByEmailAsync(link.Email, ct);
        if (user?.Handle is null)
        {
            var problem = UserStore.HandleProblem(handle);
            if (problem is null && await users.FindByHandleAsync(handle!, ct) is not null) problem = $"'{handle}' is taken; choose another handle.";
            if (problem is not null) return new SignInOutcome(SignInLinkState.ValidNewAccount, null, problem);
        }
        // Single use even when two requests race: only the one that flips used_at wins.
        var now = DateTime.UtcNow;
        var claimed = await db.Set<SignInLink>().Where(l => l.Id == link.Id && l.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), ct);
        if (claimed != 1) return new SignInOutcome(SignInLinkState.Used, null, null);
        if (user is null)
        {
            user = await users.CreateAsync(link.Email, handle, UserRole.Member, ct);
            if (user is null) return new SignInOutcome(SignInLinkState.ValidNewAccount, null, $"'{handle}' is taken; choose another handle.");
        }
        else if (user.Handle is null)
        {
            if (!await users.SetHandleAsync(user.Id, handle!, ct))
                return new SignInOutcome(SignInLinkState.ValidNewAccount, null, $"'{handle}' is taken; choose another handle.");
            user.Handle = handle;
        }
        return new SignInOutcome(SignInLinkState.Valid, user, null);
    }

    async Task<(SignInLink? Link, SignInLinkState State)> LoadAsync(string? token, CancellationToken ct)
    {
        if (!SecretTokens.TryParse(token, Prefix, out var id, out var secret)) return (null, SignInLinkState.Invalid);
        var link = await db.Set<SignInLink>().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (link is null || !SecretTokens.Matches(link.SecretHash, secret)) return (null, SignInLinkState.Invalid);
        if (link.UsedAt is not null) return (null, SignInLinkState.Used);
        if (link.ExpiresAt <= DateTime.UtcNow) return (null, SignInLinkState.Expired);
        return (link, SignInLinkState.Valid);
    }
}
