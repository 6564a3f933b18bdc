namespace Paperboy.Tests.Infrastructure;

/// <summary>
/// A real <c>paperboy</c> serving on a free loopback port, returned once it answers <c>/healthz</c>. Schedules and the
/// vector back-fill are off unless <paramref name="settings"/> turn them on.
/// <c>await using var hub = await ServingHub.StartAsync(database.Settings);</c>
/// </summary>
public sealed class ServingHub : IAsyncDisposable
{
    public PaperboyProcess Process { get; }
    public Uri Address { get; }
    /// <summary>A client for this hub that keeps no cookies.</summary>
    public HttpClient Client { get; }

    ServingHub(PaperboyProcess process, Uri address)
    {
        (Process, Address) = (process, address);
        Client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address };
    }

    public static async Task<ServingHub> StartAsync(IDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Paperboy:Ingest:Scheduled"] = "false", ["Paperboy:Digest:Scheduled"] = "false", ["Paperboy:Search:Backfill"] = "false",
        };
        foreach (var (k, v) in settings) all[k] = v;
        var address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var hub = new ServingHub(PaperboyProcess.Start(all, "--urls", address.ToString().TrimEnd('/')), address);
        try { await PaperboyProcess.WaitUntilServingAsync(hub.Client); }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
        return hub;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Process.DisposeAsync();
    }
}
