using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Paperboy.Bench;

/// <summary>
/// A soak at a fixed rate (open loop: requests start on schedule whether or not earlier ones have answered, and each
/// one's latency counts from when it was due, so a stall shows in the tail instead of slowing the load). A mix of what
/// readers do, a tenth of it writes: pages, API reads, search, upvotes, comments and sign-ins (the form, with its
/// antiforgery token, which mails a link). Every minute one line: requests, errors, p50/p99/max, the server's resident
/// memory. An error is an exception, a timeout, or an answer that is not 2xx/3xx.
/// Usage: soak BASE_URL SECONDS RATE DIR SERVER_PID, where DIR has tokens.txt, papers.txt and days.txt (newest first), queries.txt.
/// </summary>
static class Soak
{
    /// <summary>One kind of request and its share (weights out of about 1,000: 3 comments a second at 1,000 req/s is already
    /// 260,000 a day, far more than a community writes; votes are the common write).</summary>
    sealed record Kind(string Name, int Weight, bool Writes, Func<HttpClient, Random, Task<HttpStatusCode>> Send);

    public static async Task<int> RunAsync(string baseUrl, int seconds, int rate, string dir, int serverPid)
    {
        string[] Lines(string f) => File.ReadAllLines(Path.Combine(dir, f)).Where(l => l.Length > 0).ToArray();
        var (tokens, papers, days, queries) = (Lines("tokens.txt"), Lines("papers.txt"), Lines("days.txt"), Lines("queries.txt"));
        string Pick(string[] a, Random r) => a[r.Next(a.Length)];
        // Readers read the newest days most, as on any daily list: papers.txt and days.txt are newest first, and an
        // index drawn as n·u³ (u uniform) gives the first tenth of them 46% of the reads and the last half 21%.
        string Recent(string[] a, Random r) => a[(int)(a.Length * Math.Pow(r.NextDouble(), 3))];
        Task<HttpStatusCode> Get(HttpClient h, string url) => Status(h.GetAsync(url));
        Task<HttpStatusCode> AsReader(HttpClient h, HttpMethod m, string url, Random r, string? json = null)
        {
            var req = new HttpRequestMessage(m, url) { Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json") };
            req.Headers.Authorization = new("Bearer", Pick(tokens, r));
            return Status(h.SendAsync(req));
        }

        Kind[] kinds =
        [
            new("latest page", 170, false, (h, r) => Get(h, "/papers")),
            new("day page", 130, false, (h, r) => Get(h, $"/papers/date/{Recent(days, r)}")),
            new("trending page", 110, false, (h, r) => Get(h, "/papers/trending")),
            new("paper page", 170, false, (h, r) => Get(h, $"/papers/{Recent(papers, r)}")),
            new("api day list", 110, false, (h, r) => Get(h, $"/api/daily_papers?date={Recent(days, r)}")),
            new("api trending", 50, false, (h, r) => Get(h, "/api/papers/trending")),
            new("api paper", 60, false, (h, r) => Get(h, $"/api/papers/{Recent(papers, r)}")),
            new("search page", 30, false, (h, r) => Get(h, $"/search?q={Uri.EscapeDataString(Pick(queries, r))}")),
            new("api search", 20, false, (h, r) => Get(h, $"/api/papers/search?q={Uri.EscapeDataString(Pick(queries, r))}")),
            new("upvote", 50, true, (h, r) => AsReader(h, HttpMethod.Post, $"/api/papers/{Recent(papers, r)}/upvote", r)),
            new("remove upvote", 35, true, (h, r) => AsReader(h, HttpMethod.Delete, $"/api/papers/{Recent(papers, r)}/upvote", r)),
            new("comment", 3, true, (h, r) => AsReader(h, HttpMethod.Post, $"/api/papers/{Recent(papers, r)}/comments", r,
                $$"""{"text":"Soak comment {{r.Next()}}: the ablation in section 4 is convincing."}""")),
            new("sign-in", 12, true, (h, r) => SignInAsync(h, $"soak{r.Next()}@example.org")),
        ];
        var table = kinds.SelectMany(k => Enumerable.Repeat(k, k.Weight)).ToArray();
        Console.WriteLine($"soak: {rate} req/s for {seconds} s against {baseUrl}; writes {100.0 * kinds.Where(k => k.Writes).Sum(k => k.Weight) / table.Length:F0}% of requests");

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseCookies = false, AllowAutoRedirect = false })
            { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(10) };
        var all = new Histogram();
        var minute = new Histogram();
        var byKind = kinds.ToDictionary(k => k.Name, _ => new long[2]); // requests, errors
        var latencyByKind = kinds.ToDictionary(k => k.Name, _ => new Histogram());
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        long errors = 0, minuteErrors = 0, inFlight = 0;
        var rss = new List<(int Minute, long Kb)>();
        var clock = Stopwatch.StartNew();
        var random = new Random(42);
        var pending = new List<Task>();
        var interval = 1.0 / rate;
        long started = 0, total = (long)seconds * rate;
        var nextReport = 60.0;

        while (started < total)
        {
            var now = clock.Elapsed.TotalSeconds;
            while (started < total && started * interval <= now)
            {
                var due = started * interval;
                var kind = table[random.Next(table.Length)];
                var r = new Random(random.Next());
                started++;
                Interlocked.Increment(ref inFlight);
                pending.Add(Task.Run(async () =>
                {
                    var ok = true;
                    string outcome;
                    try
                    {
                        var status = await kind.Send(http, r);
                        ok = (int)status is >= 200 and < 400;
                        outcome = ((int)status).ToString();
                    }
                    catch (Exception e) { ok = false; outcome = e.GetType().Name; }
                    var micros = (long)((clock.Elapsed.TotalSeconds - due) * 1e6);
                    all.Add(micros);
                    minute.Add(micros);
                    latencyByKind[kind.Name].Add(micros);
                    Interlocked.Increment(ref byKind[kind.Name][0]);
                    statuses.AddOrUpdate($"{kind.Name} {outcome}", 1, (_, n) => n + 1);
                    if (!ok) { Interlocked.Increment(ref byKind[kind.Name][1]); Interlocked.Increment(ref errors); Interlocked.Increment(ref minuteErrors); }
                    Interlocked.Decrement(ref inFlight);
                }));
            }
            if (pending.Count > 10_000) pending.RemoveAll(t => t.IsCompleted);
            if (now >= nextReport)
            {
                var kb = ResidentKb(serverPid);
                rss.Add(((int)(nextReport / 60), kb));
                var m = minute.Take();
                Console.WriteLine($"minute {nextReport / 60,3:F0}: {m.Count,7} requests, {Interlocked.Exchange(ref minuteErrors, 0)} errors, " +
                                  $"p50 {m.Quantile(0.5) / 1000.0:F1} ms, p99 {m.Quantile(0.99) / 1000.0:F1} ms, max {m.Max / 1000.0:F1} ms, " +
                                  $"in flight {Interlocked.Read(ref inFlight)}, server {kb / 1024} MB");
                nextReport += 60;
            }
            await Task.Delay(1);
        }
        await Task.WhenAll(pending);
        var elapsed = clock.Elapsed.TotalSeconds;
        var final = all.Take();

        Console.WriteLine($"== {final.Count} requests in {elapsed:F0} s ({final.Count / elapsed:F0} req/s), {errors} errors");
        Console.WriteLine($"latency from when due: p50 {final.Quantile(0.5) / 1000.0:F1} ms, p99 {final.Quantile(0.99) / 1000.0:F1} ms, p99.9 {final.Quantile(0.999) / 1000.0:F1} ms, max {final.Max / 1000.0:F1} ms");
        foreach (var k in kinds)
            Console.WriteLine($"  {k.Name,-14} {byKind[k.Name][0],8} requests, {byKind[k.Name][1]} errors, " +
                              $"p50 {latencyByKind[k.Name].Quantile(0.5) / 1000.0:F1} ms, p99 {latencyByKind[k.Name].Quantile(0.99) / 1000.0:F1} ms");
        foreach (var (key, n) in statuses.OrderBy(p => p.Key)) Console.WriteLine($"  answers: {key} x{n}");
        if (rss.Count >= 6)
        {
            var warm = rss.First(p => p.Minute >= 5).Kb;
            var last = rss[^1].Kb;
            Console.WriteLine($"resident memory: {warm / 1024} MB after 5 min warm-up, {last / 1024} MB at the end, max {rss.Max(p => p.Kb) / 1024} MB; growth after warm-up {100.0 * (last - warm) / warm:F1}%");
        }
        return errors == 0 ? 0 : 1;
    }

    static async Task<HttpStatusCode> Status(Task<HttpResponseMessage> send)
    {
        using var response = await send;
        await response.Content.LoadIntoBufferAsync();
        return response.StatusCode;
    }

    /// <summary>The sign-in form as a browser submits it: its page (the antiforgery cookie and field), then the post.</summary>
    static async Task<HttpStatusCode> SignInAsync(HttpClient http, string email)
    {
        using var page = await http.GetAsync("/signin");
        if (!page.IsSuccessStatusCode) return page.StatusCode;
        var html = await page.Content.ReadAsStringAsync();
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var cookie = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var post = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent([new("email", email), new("__RequestVerificationToken", token)]),
        };
        post.Headers.Add("Cookie", cookie);
        return await Status(http.SendAsync(post));
    }

    static long ResidentKb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:"));
        return long.Parse(Regex.Match(line, @"\d+").Value);
    }

    /// <summary>
    /// Latencies in microseconds, in buckets about 1% wide (enough for percentiles), safe to add to from many threads
    /// (an add racing with <see cref="Take"/> may land in the window before: one request at a minute's edge).
    /// </summary>
    sealed class Histogram
    {
        const int Buckets = 2400; // e^(2400/100) µs is far beyond any timeout
        long[] _counts = new long[Buckets];
        long _max;

        public void Add(long micros)
        {
            var i = Math.Clamp((int)(Math.Log(Math.Max(micros, 1)) * 100), 0, Buckets - 1);
            Interlocked.Increment(ref Volatile.Read(ref _counts)[i]);
            long seen;
            while (micros > (seen = Interlocked.Read(ref _max)) && Interlocked.CompareExchange(ref _max, micros, seen) != seen) { }
        }

        /// <summary>What was added so far, and starts again from empty.</summary>
        public Histogram Take()
        {
            var taken = new Histogram { _counts = Interlocked.Exchange(ref _counts, new long[Buckets]), _max = Interlocked.Exchange(ref _max, 0) };
            return taken;
        }

        public long Count => _counts.Sum();
        public long Max => _max;

        public double Quantile(double q)
        {
            var target = (long)Math.Ceiling(q * Count);
            long seen = 0;
            for (var i = 0; i < Buckets; i++)
                if ((seen += _counts[i]) >= target && target > 0) return Math.Exp((i + 1) / 100.0);
            return 0;
        }
    }
}
