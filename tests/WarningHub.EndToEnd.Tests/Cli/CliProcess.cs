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
    public static Task<CliResult> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, environment: null, TimeSpan.FromMinutes(2), args);

    /// <param name="environment">Variables set (or, when null, removed) for the child only.</param>
    /// <param name="timeout">After it the child is killed and the test fails, rather than hanging the run.</param>
    public static Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, TimeSpan timeout, params string[] args) =>
        RunWithInputAsync(workingDirectory, environment, timeout, input: null, args);

    /// <param name="input">Written to the child's standard input, which is then closed (a password, for example).</param>
    public static async Task<CliResult> RunWithInputAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, TimeSpan timeout,
        string? input, params string[] args)
    {
        // The host by its full path: a test may give the child a PATH without it.
        var start = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(Repo.CliDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        if (input is not null) await process.StandardInput.WriteLineAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"warninghub {string.Join(' ', args)} did not end within {timeout}; killed.{Environment.NewLine}stdout: {await output}{Environment.NewLine}stderr: {await error}");
        }
        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>A program on this process's PATH, or null.</summary>
    public static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);

    private static string DotnetHost => OnPath("dotnet") ?? "dotnet";
}
