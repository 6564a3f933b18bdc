using Microsoft.Extensions.DependencyInjection;
using Paperboy.Search.Meaning;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using Paperboy.Tests.Search;

namespace Paperboy.Tests.Discovery;

/// <summary>
/// Real papers with real vectors for "For you": HF's day 2026-08-21 (17 papers, featured; the recent window) and three
/// speech papers of July (outside the window, for a reader to have upvoted), embedded with the shipped model.
/// </summary>
public static class ForYouData
{
    public const string Asr = "2608.19936"; // Towards Quantifying Benchmark Optimization in ASR Models
    public const string AudioLearners = "2608.19863"; // Listening Forward: ... Scalable Audio Learners
    public const string EnvHarness = "2608.19880";

    /// <summary>Speech papers of July: GigaAM Multilingual (ASR), phone recognition, speaker verification.</summary>
    public static readonly string[] SpeechOfJuly = ["2607.10371", "2607.09020", "2607.19636"];

    /// <summary>A hub with those papers and their vectors; <paramref name="featured"/> false: the day's papers are stored but not featured.</summary>
    public static async Task<PaperboyFactory> StartAsync(Engine engine, bool server = false, IDictionary<string, string?>? settings = null, bool featured = true)
    {
        var app = server ? await PaperboyFactory.StartServerAsync(engine, settings) : await PaperboyFactory.StartAsync(engine, settings);
        if (featured) await app.LoadHfDayAsync("2026-08-21");
        else await RealPapers.InsertAsync(app, RealPapers.FromDays("2026-08-21"));
        await RealPapers.InsertAsync(app, RealPapers.FromDays("2026-07-13", "2026-07-21", "2026-07-27").Where(p => SpeechOfJuly.Contains(p.Id)));
        var backfill = app.Services.GetRequiredService<EmbeddingBackfill>();
        while (await backfill.RunBatchAsync(100, CancellationToken.None) > 0) { }
        return app;
    }

    /// <summary>A reader (<c>{handle}@example.org</c>) who upvoted <see cref="SpeechOfJuly"/> through the API, and their API client.</summary>
    public static async Task<(User User, string Token, HttpClient Client)> SpeechReaderAsync(PaperboyFactory app, string handle = "ada")
    {
        var (user, token) = await Community.CommunityTestData.AddUserAsync(app, handle);
        var client = Community.CommunityTestData.ApiClient(app, token);
        foreach (var id in SpeechOfJuly)
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.PostAsync($"/api/papers/{id}/upvote", null)).StatusCode);
        return (user, token, client);
    }

    public static async Task<string> TitleAsync(PaperboyFactory app, string id) =>
        await app.WithDbAsync(async db => (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Set<Paper>(), p => p.Id == id)).Title);

    public static async Task FollowAsync(PaperboyFactory app, User reader, User followed) => await app.WithDbAsync(async db =>
    {
        db.Add(new Follow { UserId = reader.Id, Kind = FollowKind.User, NameKey = followed.Handle!.ToLowerInvariant(), Name = followed.Handle!, FollowedUserId = followed.Id, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    });
}
