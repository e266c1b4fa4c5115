using System.Diagnostics;

namespace WarningHub.Channels.Loudspeaker.Serial.Tests.Support;

/// <summary>
/// Two pseudo-terminals joined by socat, standing in for a serial cable: whatever is written to one end is read at
/// the other. The ends are symlinks in a temporary folder. Without socat the test fails (./test.sh installs it); it
/// never passes silently.
/// </summary>
internal sealed class PtyPair : IDisposable
{
    private readonly string _socatPath;
    private Process? _socat;

    private PtyPair(string socatPath, string folder)
    {
        _socatPath = socatPath;
        Folder = folder;
        _socat = StartSocat();
    }

    public string Folder { get; }

    /// <summary>The end the adapter opens.</summary>
    public string AdapterEnd => Path.Combine(Folder, "adapter");

    /// <summary>The end the simulated device opens.</summary>
    public string DeviceEnd => Path.Combine(Folder, "device");

    public static PtyPair Create()
    {
        var socat = FindSocat();
        Assert.True(socat is not null, "socat is not installed: run ./test.sh, which installs it (pty pairs stand in for serial ports).");
        return new PtyPair(socat!, Directory.CreateTempSubdirectory("warninghub-pty-").FullName);
    }

    /// <summary>Ends socat: both ends disappear, as when a USB serial adapter is pulled out.</summary>
    public void Unplug()
    {
        if (_socat is null)
        {
            return;
        }

        if (!_socat.HasExited)
        {
            _socat.Kill();
            _socat.WaitForExit(5000);
        }

        _socat.Dispose();
        _socat = null;
    }

    /// <summary>A new pair under the same names, as when the adapter is plugged in again.</summary>
    public void Replug()
    {
        Unplug();
        _socat = StartSocat();
    }

    public void Dispose()
    {
        Unplug();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private Process StartSocat()
    {
        File.Delete(AdapterEnd);
        File.Delete(DeviceEnd);
        var start = new ProcessStartInfo(_socatPath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-d", "-d", $"pty,raw,echo=0,link={AdapterEnd}", $"pty,raw,echo=0,link={DeviceEnd}" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("socat did not start.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var ready = Eventually.True(() => process.HasExited || (File.Exists(AdapterEnd) && File.Exists(DeviceEnd)))
            && File.Exists(AdapterEnd) && File.Exists(DeviceEnd);

        if (!ready || process.HasExited)
        {
            process.Dispose();
            Assert.Fail("socat did not create the pty pair within 10 seconds.");
        }

        return process;
    }

    private static string? FindSocat() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "socat"))
            .FirstOrDefault(File.Exists);
}
