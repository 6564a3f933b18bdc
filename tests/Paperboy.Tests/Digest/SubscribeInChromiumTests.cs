using Microsoft.Playwright;
using static Paperboy.Tests.Digest.DigestTestData;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Digest;

public sealed class SubscribeInChromiumTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task AReaderSubscribesFromTheHeaderBoxConfirmsAndAddsAWatchlist()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await PaperboyFactory.StartServerAsync(Engine.Sqlite, Settings(smtp));
        var page = await chromium.NewPageAsync(app.ServerAddress);

        await page.GotoAsync("/papers");
        await page.GetByLabel("Your email address").FillAsync("reader@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Get trending papers in your email inbox" }).ClickAsync();
        await page.WaitForURLAsync("**/subscribe?email=*");
        Assert.Equal("reader@example.org", await page.GetByLabel("Email address", new() { Exact = true }).InputValueAsync());
        await page.GetByLabel("Weekly, on Mondays").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe", Exact = true }).ClickAsync();
        Assert.Equal("Check your inbox", await page.Locator("h1").InnerTextAsync());

        var link = LinkPath(Text((await smtp.WaitForMessagesAsync(1)).Single()), "/subscribe/confirm/");
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my subscription" }).ClickAsync();
        Assert.Equal("You're subscribed", await page.Locator("h1").InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Add watch-lists" }).ClickAsync();
        await page.GetByLabel("Add a watch-list").FillAsync("\"activation steering\" -diffusion");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();

        Assert.Equal(["\"activation steering\" -diffusion"], await page.Locator("ul.watchlists .query").AllInnerTextsAsync());
        Assert.True(await page.GetByLabel("Weekly, on Mondays").IsCheckedAsync());
        Assert.Empty(chromium.Dialogs);
    }
}
