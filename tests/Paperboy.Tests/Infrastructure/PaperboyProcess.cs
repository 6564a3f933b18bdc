using System.Diagnostics;

namespace Paperboy.Tests.Infrastructure;

/// <summary>
/// The built <c>paperboy</c> program run as a separate process, the way a person or a scheduler runs it,
/// configured through the environment (<c>Paperboy:DataDir</c> becomes <c>Paperboy__DataDir</c>).
/// </summary>
public static class PaperboyProcess
{
    public static ProcessStartInfo StartInfo(IEnumerable<KeyValuePair<string, string?>> settings, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "paperboy.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in settings) psi.Environment[k.Replace(":", "__")] = v;
        return psi;
    }

    /// <summary>Runs to the end and returns the exit code with everything written to stdout and stderr.</summary>
    public static async Task<(int Code, string Out, string Err)> RunAsync(IEnumerable<KeyValuePair<string, string?>> settings, params string[] args)
    {
        using var process = Process.Start(StartInfo(settings, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
