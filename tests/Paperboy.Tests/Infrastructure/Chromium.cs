using Microsoft.Playwright;

namespace Paperboy.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright, one browser for a test class (<c>IClassFixture&lt;Chromium&gt;</c>);
/// each test opens its own context with <see cref="NewPageAsync"/>.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Messages of every JS dialog (alert, confirm...) any page opened; dialogs are dismissed. Assert it stays empty.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Dialogs { get; } = new();

    /// <summary>A page in a fresh context (own cookies), with its base URL set.</summary>
    public async Task<IPage> NewPageAsync(Uri baseUrl)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl.ToString() });
        // The suite runs test classes side by side on two cores (apps, embedding models, this browser): a step that takes
        // a second alone can take tens of seconds then. A page that never gets there still fails, after 90 s.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) =>
        {
            Dialogs.Enqueue(dialog.Message);
            await dialog.DismissAsync();
        };
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
