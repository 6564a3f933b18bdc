using System.Diagnostics;

namespace Paperboy.Tests.Infrastructure;

/// <summary>
/// The built <c>paperboy</c> program run as a separate process, the way a person or a scheduler runs it,
/// configured through the environment (<c>Paperboy:DataDir</c> becomes <c>Paperboy__DataDir</c>). The one way tests
/// start it: <see cref="RunAsync(IEnumerable{KeyValuePair{string, string?}}, string[])"/> to run a verb to its end,
/// <see cref="Start"/> for a run the test interrupts (<see cref="Kill"/>). Output is read as it comes, so a chatty run
/// never blocks on a full pipe.
/// </summary>
public sealed class PaperboyProcess : IAsyncDisposable
{
    /// <summary>Long enough for the slowest verb the tests run (an import, embedding a day) on a busy machine.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    readonly Process _process;
    readonly string _command;
    readonly Task<string> _output;
    readonly Task<string> _error;

    PaperboyProcess(Process process, string command)
    {
        _process = process;
        _command = command;
        _output = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts <c>paperboy args...</c> and returns at once.</summary>
    public static PaperboyProcess Start(IEnumerable<KeyValuePair<string, string?>> settings, params string[] args) =>
        StartIn(AppContext.BaseDirectory, settings, args);

    /// <summary>As <see cref="Start"/>, with <paramref name="workingDirectory"/> as the current folder (an operator may start it anywhere).</summary>
    public static PaperboyProcess StartIn(string workingDirectory, IEnumerable<KeyValuePair<string, string?>> settings, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "paperboy.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in settings) psi.Environment[k.Replace(":", "__")] = v;
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet paperboy.dll");
        return new PaperboyProcess(process, "paperboy " + string.Join(' ', args));
    }

    /// <summary>Runs to the end and returns the exit code with everything written to stdout and stderr.</summary>
    public static Task<(int Code, string Out, string Err)> RunAsync(IEnumerable<KeyValuePair<string, string?>> settings, params string[] args) =>
        RunAsync(settings, DefaultTimeout, args);

    /// <summary>As <see cref="RunAsync(IEnumerable{KeyValuePair{string, string?}}, string[])"/>, failing if the run has not ended within <paramref name="timeout"/>.</summary>
    public static async Task<(int Code, string Out, string Err)> RunAsync(IEnumerable<KeyValuePair<string, string?>> settings, TimeSpan timeout, params string[] args)
    {
        await using var run = Start(settings, args);
        return await run.WaitForExitAsync(timeout);
    }

    /// <summary>Waits for the run to end; if it has not within <paramref name="timeout"/>, kills it and fails the test.</summary>
    public async Task<(int Code, string Out, string Err)> WaitForExitAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        try { await _process.WaitForExitAsync().WaitAsync(limit); }
        catch (TimeoutException)
        {
            await KillAsync();
            throw new TimeoutException($"{_command} did not exit within {limit.TotalSeconds:0} s; it wrote: {await _output}{await _error}");
        }
        return (_process.ExitCode, await _output, await _error);
    }

    /// <summary>Waits until a started hub answers <c>/healthz</c> at <paramref name="http"/>'s address (a start takes seconds on a busy machine).</summary>
    public static Task WaitUntilServingAsync(HttpClient http) => Eventually.WaitForAsync(async () =>
    {
        try { return (await http.GetAsync("/healthz")).IsSuccessStatusCode; }
        catch (HttpRequestException) { return false; }
    }, ok => ok, TimeSpan.FromSeconds(60), "the hub to listen");

    /// <summary>The operating system's process id (how the hub names itself in job leases: host:pid:…).</summary>
    public int Id => _process.Id;

    /// <summary>Whether the run has ended (a kill that comes after it interrupts nothing).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: the process ends with no clean-up of any kind, as in a crash or an out-of-memory kill.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
