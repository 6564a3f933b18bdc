using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Digest;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using Xunit.Abstractions;
using static Paperboy.Tests.Community.CommunityTestData;

namespace Paperboy.Tests.Web.BadInput;

/// <summary>
/// Issue 15, "bad input, swept": every route of the README with every malformed value that fits it, on one app. A person
/// gets a 4xx (404 for an id that is not here), never a 5xx; the API answers an RFC 9457 problem naming what is wrong, a
/// page answers inside the layout; no answer shows an exception; and no rejected write changes what is stored.
/// SQLite takes every row; PostgreSQL the writes, where the engines' SQL differs.
/// </summary>
public abstract class BadInputSweepTests(Engine engine, ITestOutputHelper output)
{
    const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    protected virtual bool Includes(Probe probe) => true;

    [Fact]
    public async Task EveryRouteAnswersMalformedInputWithAReadable4xxAndChangesNothing()
    {
        await using var app = await PaperboyFactory.StartServerAsync(engine, new Dictionary<string, string?>
        {
            // The sweep sends hundreds of writes as one person: limits would answer 429 before the handlers look at them.
            ["Paperboy:RateLimits:Votes"] = "1000000", ["Paperboy:RateLimits:Comments"] = "1000000",
            ["Paperboy:RateLimits:Submissions"] = "1000000", ["Paperboy:RateLimits:SignInPerClient"] = "1000000",
            // No row may reach arXiv; if one did, a closed port answers at once.
            ["Paperboy:Sources:Arxiv:ApiBaseUrl"] = "http://127.0.0.1:9/api/query",
        });
        var (targets, senders) = await ArrangeAsync(app);
        var before = await StoredAsync(app);

        var probes = SweepRoutes.All(targets).Where(Includes).ToList();
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        foreach (var probe in probes)
            if (await CheckAsync(senders[probe.Sender], probe) is { } failure) failures.Add($"{probe}\n    {failure}");
        output.WriteLine($"{probes.Count} requests ({probes.Count(p => p.Surface == Surface.Api)} to the API, {probes.Count(p => p.Method != "GET")} writes, "
            + $"{probes.Count(p => p.KestrelRefuses)} with a NUL in the path) in {clock.Elapsed.TotalSeconds:0.0} s on {engine}");

        Assert.True(failures.Count == 0, $"{failures.Count} of {probes.Count} requests answered badly:\n" + string.Join("\n", failures));
        Assert.Equal(before, await StoredAsync(app));
    }

    /// <summary>What a person sees of one answer; null when it is right.</summary>
    static async Task<string?> CheckAsync((HttpClient Client, string? FormToken) sender, Probe probe)
    {
        using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Url);
        request.Headers.Accept.ParseAdd(probe.Surface == Surface.Api ? "application/json" : BrowserAccept);
        if (probe.Body is { } body)
        {
            var text = body.FormToken ? $"{body.Text}{(body.Text.Length > 0 ? "&" : "")}__RequestVerificationToken={Uri.EscapeDataString(sender.FormToken!)}" : body.Text;
            request.Content = new StringContent(text);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(body.ContentType);
        }
        using var response = await sender.Client.SendAsync(request);
        var status = (int)response.StatusCode;
        var content = await response.Content.ReadAsStringAsync();
        var type = response.Content.Headers.ContentType?.MediaType;
        var said = $"{status} {type}: {BadValues.Short(content.ReplaceLineEndings(" "))}";

        if (probe.KestrelRefuses)
            return status == 400 && content.Length == 0 ? null : $"no longer Kestrel's bare 400: check it like any other row: {said}";
        if (content.Contains("Exception") || content.Contains("   at ")) return $"shows an exception: {said}";
        if (status >= 500) return $"server error: {said}";
        if (status < 400) return probe.MayPass ? null : $"accepted: {said}";
        return probe.Surface == Surface.Api ? ProblemFault(probe, status, type, content, said) : PageFault(type, content, said);
    }

    static string? ProblemFault(Probe probe, int status, string? type, string content, string said)
    {
        if (type != "application/problem+json") return $"not a problem: {said}";
        var problem = JsonDocument.Parse(content).RootElement;
        if (!problem.TryGetProperty("type", out _) || !problem.TryGetProperty("title", out _)) return $"a problem without type and title: {said}";
        if (!problem.TryGetProperty("status", out var s) || s.GetInt32() != status) return $"a problem whose status is not {status}: {said}";
        if (status != 400 || probe.Field is null) return null;
        var errors = problem.TryGetProperty("errors", out var e) ? e.EnumerateObject().Select(p => p.Name).ToList() : [];
        var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
        var named = probe.Field.Split('|').Any(f => errors.Contains(f, StringComparer.OrdinalIgnoreCase) || detail.Contains(f, StringComparison.OrdinalIgnoreCase));
        return named ? null : $"a problem that does not name {probe.Field}: {said}";
    }

    static string? PageFault(string? type, string content, string said)
    {
        if (type != "text/html") return $"not a page: {said}";
        var page = new HtmlParser().ParseDocument(content);
        if (page.QuerySelector("header.site .brand") is null) return $"a page outside the layout: {said}";
        return page.QuerySelector("h1").Text().Length == 0 ? $"a page without a heading: {said}" : null;
    }

    /// <summary>
    /// Two papers (new and old style), a member and a curator signed in and with tokens, an admin signed in, a comment, and a
    /// subscription with a watch-list.
    /// </summary>
    static async Task<(SweepTargets, Dictionary<Sender, (HttpClient, string?)>)> ArrangeAsync(PaperboyFactory app)
    {
        await AddPaperAsync(app, "2409.01234", featuredOn: DateOnly.FromDateTime(DateTime.UtcNow));
        await AddPaperAsync(app, "hep-th/9901001", "Old style paper");
        var (_, adaToken) = await AddUserAsync(app, "ada");
        var (_, coraToken) = await AddUserAsync(app, "cora", UserRole.Curator);
        await AddUserAsync(app, "root", UserRole.Admin);
        var commented = await ApiClient(app, adaToken).PostAsJsonAsync("/api/papers/2409.01234/comments", new { text = "A first comment." });
        var commentId = (await JsonAsync(commented)).GetProperty("id").GetInt64();
        var (subscriptionId, watchlistId) = await app.WithDbAsync(async db =>
        {
            var sub = new Subscription
            {
                Email = "ada@example.org", Frequency = DigestFrequency.Daily, ConfirmedAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow,
                Watchlists = [new Watchlist { Query = "attention", CreatedAt = DateTime.UtcNow }],
            };
            db.Add(sub);
            await db.SaveChangesAsync();
            return (sub.Id, sub.Watchlists[0].Id);
        });
        await using var scope = app.Services.CreateAsyncScope();
        var manage = await scope.ServiceProvider.GetRequiredService<MessageRenderer>().ManageTokenAsync(subscriptionId, default);

        var anonymous = Client(app);
        var ada = Client(app);
        var cora = Client(app);
        var root = Client(app);
        await SignInAsync(app, ada, "ada@example.org");
        await SignInAsync(app, cora, "cora@example.org");
        await SignInAsync(app, root, "root@example.org");
        var senders = new Dictionary<Sender, (HttpClient, string?)>
        {
            [Sender.Anonymous] = (anonymous, AntiforgeryToken(await anonymous.GetStringAsync("/signin"))),
            [Sender.Member] = (ada, AntiforgeryToken(await ada.GetStringAsync("/account"))),
            [Sender.Curator] = (cora, AntiforgeryToken(await cora.GetStringAsync("/account"))),
            [Sender.Admin] = (root, AntiforgeryToken(await root.GetStringAsync("/account"))),
            [Sender.MemberToken] = (Client(app, adaToken), null),
            [Sender.CuratorToken] = (Client(app, coraToken), null),
            [Sender.BadToken] = (Client(app, "pb_1_not-a-token"), null),
        };
        return (new SweepTargets("2409.01234", "hep-th/9901001", commentId, watchlistId, manage), senders);
    }

    /// <summary>A client of the real server that keeps its cookies and shows redirects as they are.</summary>
    static HttpClient Client(PaperboyFactory app, string? token = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.ServerAddress };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Everything a write could change, as one text to compare.</summary>
    static Task<string> StoredAsync(PaperboyFactory app) => app.WithDbAsync(async db => string.Join("\n",
        string.Join(";", await db.Set<Paper>().OrderBy(p => p.Id).Select(p => $"{p.Id} {p.Hidden} {p.LocalUpvotes} {p.CommentCount}").ToListAsync()),
        string.Join(";", await db.Set<FeaturedPaper>().OrderBy(f => f.Id).Select(f => $"{f.PaperId} {f.Day}").ToListAsync()),
        string.Join(";", await db.Set<Comment>().OrderBy(c => c.Id).Select(c => $"{c.Id} {c.ParentId} {c.Text} {c.EditedAt} {c.Deleted} {c.Hidden}").ToListAsync()),
        await db.Set<Upvote>().CountAsync(),
        string.Join(";", await db.Set<ApiToken>().OrderBy(t => t.Id).Select(t => $"{t.Id} {t.Name} {t.RevokedAt}").ToListAsync()),
        string.Join(";", await db.Set<User>().OrderBy(u => u.Id).Select(u => $"{u.Id} {u.Handle} {u.Email} {u.SecurityStamp}").ToListAsync()),
        string.Join(";", await db.Set<Subscription>().OrderBy(s => s.Id).Select(s => $"{s.Id} {s.Email} {s.Frequency} {s.ConfirmedAt} {s.UnsubscribedAt} {s.ConfirmSentAt}").ToListAsync()),
        string.Join(";", await db.Set<Watchlist>().OrderBy(w => w.Id).Select(w => $"{w.Id} {w.Query}").ToListAsync()),
        await db.Set<SignInLink>().CountAsync(), await db.Set<AuditEntry>().CountAsync(),
        string.Join(";", await db.Set<OutboxMessage>().OrderBy(m => m.Id).Select(m => $"{m.Id} {m.Status} {m.Attempts}").ToListAsync())));
}

public sealed class SqliteBadInputSweepTests(ITestOutputHelper output) : BadInputSweepTests(Engine.Sqlite, output);

/// <summary>The writes again on PostgreSQL, whose SQL (comments, votes, curation, watch-lists) is its own.</summary>
public sealed class PostgresBadInputSweepTests(ITestOutputHelper output) : BadInputSweepTests(Engine.Postgres, output)
{
    protected override bool Includes(Probe probe) => probe.Method != "GET";
}
