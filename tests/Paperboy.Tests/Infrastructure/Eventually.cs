namespace Paperboy.Tests.Infrastructure;

/// <summary>
/// The one way a test waits for something the system does in the background: polls a condition until it holds or a
/// bound runs out, then fails naming what it waited for. Never a bare <c>Task.Delay</c> in the hope it is long enough.
/// <c>await Eventually.WaitUntilAsync(async () => await CountAsync() == 3, TimeSpan.FromSeconds(20), "three rows");</c>
/// </summary>
public static class Eventually
{
    static readonly TimeSpan DefaultPoll = TimeSpan.FromMilliseconds(50);

    /// <param name="what">What the test waits for, as it should read in the failure: "the hub to index the queued paper".</param>
    /// <param name="pollEvery">How often to look (50 ms unless a test needs to catch a short moment).</param>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, TimeSpan? pollEvery = null) =>
        await WaitForAsync(async () => await condition(), done => done, timeout, what, pollEvery);

    /// <summary>Polls <paramref name="read"/> until <paramref name="done"/> holds for what it returns, and returns that.</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, string what, TimeSpan? pollEvery = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"waited {timeout.TotalSeconds:0.#} s for {what}; the last value seen was: {Describe(value)}");
            await Task.Delay(pollEvery ?? DefaultPoll); // the pause between two looks, not a wait for the condition
        }
    }

    static string Describe<T>(T value) => value switch
    {
        null => "null",
        string s => s,
        System.Collections.ICollection c => $"{c.Count} item(s)",
        _ => value.ToString() ?? "",
    };
}
