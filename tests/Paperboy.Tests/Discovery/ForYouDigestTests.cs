using Paperboy.Digest;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Digest.DigestTestData;
using static Paperboy.Tests.Discovery.ForYouData;

namespace Paperboy.Tests.Discovery;

/// <summary>The "For you" section of a digest, sent through a real SMTP server, on both engines.</summary>
public abstract class ForYouDigestTests(Engine engine)
{
    [Fact]
    public async Task ASubscriberWithAnAccountGetsForYouInTextAndHtmlAndOneWithoutGetsNone()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await StartAsync(engine, settings: Settings(smtp), featured: false);
        // Friday's list has one paper; Monday's daily digest covers Friday to Sunday.
        await AddPapersAsync(app, new DateOnly(2026, 8, 21), Paper("2608.00001", "A Featured Paper About Nothing Much"));
        await SpeechReaderAsync(app);
        await AddSubscriberAsync(app, "ada@example.org");
        await AddSubscriberAsync(app, "stranger@example.org");

        await RunAsync(app, new DateOnly(2026, 8, 24));
        var messages = await smtp.WaitForMessagesAsync(2);

        var ada = messages.Single(m => To(m) == "ada@example.org");
        var text = Text(ada);
        Assert.Contains(DigestBodies.ForYouHeading, text);
        var section = text[text.IndexOf(DigestBodies.ForYouHeading, StringComparison.Ordinal)..];
        var asrTitle = await TitleAsync(app, Asr);
        var audioTitle = await TitleAsync(app, AudioLearners);
        var first = section.Split('\n')[2];
        Assert.True(first == $"1. {asrTitle}" || first == $"1. {audioTitle}", first);
        Assert.Matches(@"^   \(close to .+\)$", section.Split('\n')[3]);
        Assert.Contains("https://paperboy.test/papers/", section);
        var html = Html(ada);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(DigestBodies.ForYouHeading), html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(first[3..]), html[html.IndexOf("For you", StringComparison.Ordinal)..]);

        var stranger = messages.Single(m => To(m) == "stranger@example.org");
        Assert.DoesNotContain(DigestBodies.ForYouHeading, Text(stranger));
        Assert.Contains("A Featured Paper About Nothing Much", Text(stranger));
    }
}

public sealed class SqliteForYouDigestTests() : ForYouDigestTests(Engine.Sqlite);

public sealed class PostgresForYouDigestTests() : ForYouDigestTests(Engine.Postgres);
