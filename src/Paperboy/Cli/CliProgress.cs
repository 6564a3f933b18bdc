using System.Diagnostics;
using Paperboy.Ingest;

namespace Paperboy.Cli;

/// <summary>
/// Progress of a long import on stderr: a line rewritten in place when stderr is a terminal,
/// otherwise a plain line every few seconds (so logs of scripted runs stay readable).
/// </summary>
public sealed class CliProgress(string what) : IProgress<ImportCounts>
{
    readonly Stopwatch _clock = Stopwatch.StartNew();
    readonly bool _terminal = !Console.IsErrorRedirected;
    TimeSpan _last;
    bool _shown;

    public void Report(ImportCounts counts)
    {
        var every = _terminal ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(5);
        if (_clock.Elapsed - _last < every) return;
        _last = _clock.Elapsed;
        var rate = counts.Total / Math.Max(0.001, _clock.Elapsed.TotalSeconds);
        var line = $"{what}: {counts.Total:#,0} papers ({counts.New:#,0} new, {counts.Updated:#,0} updated, {counts.Rejected:#,0} rejected), {rate:#,0}/s";
        if (_terminal) Console.Error.Write($"\r{line}\u001b[K");
        else Console.Error.WriteLine(line);
        _shown = true;
    }

    /// <summary>Clears the in-place line before the summary is printed.</summary>
    public void Done()
    {
        if (_terminal && _shown) Console.Error.Write("\r\u001b[K");
    }
}
