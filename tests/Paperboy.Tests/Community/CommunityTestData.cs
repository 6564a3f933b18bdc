using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Community;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Community;

/// <summary>Arranging community tests: papers on days, people with tokens, sign-in links, antiforgery tokens of forms.</summary>
public static partial class CommunityTestData
{
    public static async Task<Paper> AddPaperAsync(PaperboyFactory app, string id, string title = "A paper", DateOnly? featuredOn = null,
        int importedUpvotes = 0, DateTime? publishedAt = null, string[]? authors = null, string abstractText = "An abstract.")
    {
        var published = publishedAt ?? DateTime.UtcNow.AddDays(-2);
        var paper = new Paper
        {
            Id = id, Title = title, Abstract = abstractText, Authors = [.. authors ?? ["Ada Lovelace", "Alan Turing"]], Categories = ["cs.LG"],
            PublishedAt = published, UpdatedAt = published, CreatedAt = DateTime.UtcNow, ImportedUpvotes = importedUpvotes,
        };
        await app.WithDbAsync(async db =>
        {
            db.Add(paper);
            if (featuredOn is { } day)
                db.Add(new FeaturedPaper { PaperId = id, Day = day, FeaturedAt = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), Source = FeaturedSource.HfImport, SubmittedBy = "akhaliq" });
            await db.SaveChangesAsync();
        });
        return paper;
    }

    /// <summary>An account and a personal API token for it.</summary>
    public static async Task<(User User, string Token)> AddUserAsync(PaperboyFactory app, string handle, UserRole role = UserRole.Member)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserStore>().CreateAsync($"{handle}@example.org", handle, role, default)
                   ?? throw new InvalidOperationException($"could not create {handle}");
        var (_, token) = await scope.ServiceProvider.GetRequiredService<ApiTokenStore>().CreateAsync(user.Id, "test", default);
        return (user, token);
    }

    public static HttpClient ApiClient(PaperboyFactory app, string? token)
    {
        var client = app.CreateClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A valid sign-in link's token for this address, as if it had been emailed (the SMTP path has its own test).</summary>
    public static async Task<string> SignInTokenAsync(PaperboyFactory app, string email, TimeSpan? expiresIn = null)
    {
        var secret = SecretTokens.NewSecret();
        var link = new SignInLink { Email = email, SecretHash = SecretTokens.Hash(secret), CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow + (expiresIn ?? TimeSpan.FromMinutes(15)) };
        await app.WithDbAsync(async db => { db.Add(link); await db.SaveChangesAsync(); });
        return SecretTokens.Format(SignInService.Prefix, link.Id, secret);
    }

    /// <summary>Asks for a sign-in link for <paramref name="email"/> through the real form, as a new visitor.</summary>
    public static async Task<HttpResponseMessage> RequestLinkAsync(PaperboyFactory app, string email)
    {
        var client = app.CreateClient();
        var page = await client.GetStringAsync("/signin");
        return await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["__RequestVerificationToken"] = AntiforgeryToken(page),
        }));
    }

    /// <summary>Signs a cookie-keeping client in as the owner of <paramref name="email"/> through the real link form.</summary>
    public static async Task SignInAsync(PaperboyFactory app, HttpClient client, string email, string? handle = null)
    {
        var token = await SignInTokenAsync(app, email);
        var page = await client.GetStringAsync($"/signin/link?token={Uri.EscapeDataString(token)}");
        var form = new Dictionary<string, string> { ["token"] = token, ["__RequestVerificationToken"] = AntiforgeryToken(page) };
        if (handle is not null) form["handle"] = handle;
        var response = await client.PostAsync("/signin/link", new FormUrlEncodedContent(form));
        if ((int)response.StatusCode >= 400) throw new InvalidOperationException($"sign-in failed: {response.StatusCode}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no antiforgery token on the page");

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>The arXiv API on loopback, answering from the recordings in ../shared/data/arxiv-api/format-2026 by id_list;
    /// any other id gets arXiv's recorded answer for an unknown id.</summary>
    public static Task<RecordedHttpServer> ArxivApiAsync() => RecordedHttpServer.StartAsync(async context =>
    {
        var idList = context.Request.Query["id_list"].ToString();
        foreach (var file in Directory.GetFiles(SharedData.PathOf("arxiv-api", "format-2026"), "*.json"))
        {
            var recorded = JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement;
            var url = new Uri(recorded.GetProperty("url").GetString()!);
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query);
            if (query.TryGetValue("id_list", out var ids) && ids.ToString() == idList && query["max_results"] == "100")
            {
                context.Response.StatusCode = recorded.GetProperty("status_code").GetInt32();
                context.Response.ContentType = "application/atom+xml";
                await context.Response.WriteAsync(recorded.GetProperty("body").GetString()!);
                return;
            }
        }
        // An id arXiv does not know: its real answer to one (a feed without entries).
        var empty = JsonDocument.Parse(await File.ReadAllTextAsync(SharedData.PathOf("arxiv-api", "format-2026", "id_0000.0000_s0_m100_8b51d9633a68.json"))).RootElement;
        context.Response.ContentType = "application/atom+xml";
        await context.Response.WriteAsync(empty.GetProperty("body").GetString()!);
    });
}
