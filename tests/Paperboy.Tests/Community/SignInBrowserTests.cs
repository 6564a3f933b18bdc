using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Community;

public class SignInBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task TheEmailedLinkSignsANewPersonInAfterTheyPickAHandleAndWorksOnlyOnce()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await PaperboyFactory.StartServerAsync(Engine.Sqlite, smtp.Settings);
        var page = await chromium.NewPageAsync(app.ServerAddress);

        await page.GotoAsync("/papers/trending");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("Ada@Example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a link" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("a sign-in link is on its way");

        var message = Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Equal("ada@example.org", message.To.Mailboxes.Single().Address);
        Assert.Equal("Your Paperboy sign-in link", message.Subject);
        var link = Regex.Match(message.TextBody, @"http://\S+/signin/link\?token=\S+").Value;
        Assert.StartsWith(app.ServerAddress.ToString().TrimEnd('/'), link);

        await page.GotoAsync(link);
        await page.GetByLabel("Handle").FillAsync("ada");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account and sign in" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/account$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("@ada");
        await Expect(page.Locator("header.site a.account")).ToHaveTextAsync("@ada");

        var again = await page.GotoAsync(link);
        Assert.Equal(410, again!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("This link was already used");
        Assert.Empty(chromium.Dialogs);
    }

    [Fact]
    public async Task AnExpiredLinkIsRefusedWithAClearPage()
    {
        await using var app = await PaperboyFactory.StartServerAsync(Engine.Sqlite);
        var token = await CommunityTestData.SignInTokenAsync(app, "ada@example.org", expiresIn: TimeSpan.FromMinutes(-1));
        var page = await chromium.NewPageAsync(app.ServerAddress);

        var response = await page.GotoAsync($"/signin/link?token={Uri.EscapeDataString(token)}");

        Assert.Equal(410, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("This link has expired");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ask for a new one" })).ToBeVisibleAsync();
        await Expect(page.Locator("header.site a.account")).ToHaveTextAsync("Sign in");
    }

    [Fact]
    public async Task SigningOutEverywhereEndsTheOtherBrowsersSessionToo()
    {
        await using var app = await PaperboyFactory.StartServerAsync(Engine.Sqlite);
        await CommunityTestData.AddUserAsync(app, "ada");
        var laptop = await chromium.NewPageAsync(app.ServerAddress);
        var phone = await chromium.NewPageAsync(app.ServerAddress);
        await BrowserSignInAsync(app, laptop, "ada@example.org");
        await BrowserSignInAsync(app, phone, "ada@example.org");

        await laptop.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ClickAsync();
        await phone.GotoAsync("/account");

        await Expect(phone).ToHaveURLAsync(new Regex("/signin"));
        await Expect(phone.Locator("header.site a.account")).ToHaveTextAsync("Sign in");
        await laptop.GotoAsync("/account");
        await Expect(laptop).ToHaveURLAsync(new Regex("/signin"));
    }

    /// <summary>Signs a browser in through the link page, as the emailed link would (the test above covers the email).</summary>
    internal static async Task BrowserSignInAsync(PaperboyFactory app, IPage page, string email, string? newHandle = null)
    {
        var token = await CommunityTestData.SignInTokenAsync(app, email);
        await page.GotoAsync($"/signin/link?token={Uri.EscapeDataString(token)}");
        if (newHandle is not null)
        {
            await page.GetByLabel("Handle").FillAsync(newHandle);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create account and sign in" }).ClickAsync();
        }
        else await page.GetByRole(AriaRole.Button, new() { Name = "Sign in to Paperboy" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account$"));
    }
}
