using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace WarningHub.Audio;

/// <summary>What a finished program run gave.</summary>
internal sealed record ProgramRun(int ExitCode, byte[] Output, string Errors);

/// <summary>Runs a program to the end with a time limit, feeding it standard input and collecting its output.</summary>
internal static class ExternalProgram
{
    /// <summary>
    /// Runs <paramref name="path"/>. Throws <see cref="Win32Exception"/> when it cannot be started (not installed),
    /// <see cref="TimeoutException"/> when it outlives <paramref name="timeout"/> (it is killed then).
    /// </summary>
    public static async Task<ProgramRun> RunAsync(
        string path, IReadOnlyList<string> arguments, string? input, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new Win32Exception($"'{path}' did not start.");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            using var output = new MemoryStream();
            var reading = process.StandardOutput.BaseStream.CopyToAsync(output, limit.Token);
            var errors = process.StandardError.ReadToEndAsync(limit.Token);
            if (input is not null)
            {
                await process.StandardInput.WriteAsync(input.AsMemory(), limit.Token);
            }

            process.StandardInput.Close();
            await Task.WhenAll(reading, errors);
            await process.WaitForExitAsync(limit.Token);
            return new ProgramRun(process.ExitCode, output.ToArray(), await errors);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Stop(process);
            throw new TimeoutException($"'{path}' did not finish within {timeout.TotalSeconds:0.#} s and was stopped.");
        }
        catch (OperationCanceledException)
        {
            Stop(process);
            throw;
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the time-out and the kill: nothing left to stop.
        }
    }
}
