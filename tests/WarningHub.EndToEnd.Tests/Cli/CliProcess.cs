using System.Diagnostics;
using System.Text.RegularExpressions;

namespace WarningHub.EndToEnd.Tests.Cli;

/// <summary>What one run of the real `warninghub` program printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>Standard output with runs of blanks and line breaks as one space: the console may wrap long lines.</summary>
    public string Text => Regex.Replace(Output, @"\s+", " ");

    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}stdout: {Output}{Environment.NewLine}stderr: {Error}";
}

/// <summary>Runs the CLI built beside the tests as a child process.</summary>
internal static class CliProcess
{
    public static async Task<CliResult> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Repo.CliDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }
}
