using System.Diagnostics;

namespace WarningHub.Cli.Demo;

/// <summary>
/// Two pseudo-terminals joined by socat, standing in for a serial cable: the hub opens <see cref="HubEnd"/>, a
/// simulated device opens <see cref="DeviceEnd"/>. socat is ended (by its own process id) when this is disposed.
/// </summary>
internal sealed class SocatPair : IDisposable
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(10);
    private readonly Process _socat;

    private SocatPair(Process socat, string hubEnd, string deviceEnd)
    {
        _socat = socat;
        HubEnd = hubEnd;
        DeviceEnd = deviceEnd;
    }

    public string HubEnd { get; }

    public string DeviceEnd { get; }

    /// <summary>socat found on PATH, or null: without it the demo skips serial loudspeakers.</summary>
    public static string? FindSocat() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "socat"))
            .FirstOrDefault(File.Exists);

    /// <summary>Starts <c>socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B</c> in <paramref name="folder"/> and waits for both links.</summary>
    public static async Task<SocatPair> StartAsync(string socat, string folder, string name, CancellationToken cancellationToken)
    {
        var hubEnd = Path.Combine(folder, name + "-hub");
        var deviceEnd = Path.Combine(folder, name + "-device");
        var start = new ProcessStartInfo(socat) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-d", "-d", $"pty,raw,echo=0,link={hubEnd}", $"pty,raw,echo=0,link={deviceEnd}" }) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("socat did not start.");
        // socat -d -d reports on stderr; read it so a full pipe never blocks it.
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var pair = new SocatPair(process, hubEnd, deviceEnd);
        var clock = Stopwatch.StartNew();
        while (!(File.Exists(hubEnd) && File.Exists(deviceEnd)))
        {
            if (process.HasExited || clock.Elapsed > ReadyWithin)
            {
                var why = process.HasExited ? $"socat exited with code {process.ExitCode} before creating the pty pair '{name}'"
                    : $"socat did not create the pty pair '{name}' within {ReadyWithin.TotalSeconds:F0} s";
                pair.Dispose();
                throw new InvalidOperationException(why);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, cancellationToken);
        }
        return pair;
    }

    public void Dispose()
    {
        try
        {
            if (!_socat.HasExited)
            {
                _socat.Kill();
                _socat.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _socat.Dispose();
    }
}
