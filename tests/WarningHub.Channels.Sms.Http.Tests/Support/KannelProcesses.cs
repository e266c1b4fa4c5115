using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace WarningHub.Channels.Sms.Http.Tests.Support;

/// <summary>
/// The real Kannel from Debian's package: bearerbox bound over SMPP to a loopback SMSC, and smsbox serving sendsms,
/// both on free loopback ports from a kannel.conf written here. Stopped by their PIDs.
/// </summary>
internal sealed class KannelProcesses : IAsyncDisposable
{
    public const string Bearerbox = "/usr/sbin/bearerbox";
    public const string Smsbox = "/usr/sbin/smsbox";
    public const string User = "warninghub";
    public const string Password = "kannel-test-pass";

    private readonly List<Process> _processes = [];
    private readonly DirectoryInfo _folder;

    private KannelProcesses(DirectoryInfo folder, int sendsmsPort)
    {
        _folder = folder;
        SendsmsPort = sendsmsPort;
    }

    public int SendsmsPort { get; }

    /// <summary>The log files, for a failing test's message.</summary>
    public string Logs => string.Join("\n", _folder.GetFiles("*.log").Select(f => $"--- {f.Name}\n" + Tail(f.FullName)));

    /// <summary>Why the test cannot run here; null when Kannel is installed.</summary>
    public static string? Missing() =>
        File.Exists(Bearerbox) && File.Exists(Smsbox) ? null : "Kannel is not installed (Debian package kannel; test.sh installs it)";

    public static async Task<KannelProcesses> StartAsync(int smscPort, string systemId, string smscPassword)
    {
        var folder = Directory.CreateTempSubdirectory("warninghub-kannel-");
        var admin = LoopbackPort.Free();
        var smsboxPort = LoopbackPort.Free();
        var sendsms = LoopbackPort.Free();
        var conf = Path.Combine(folder.FullName, "kannel.conf");
        await File.WriteAllTextAsync(conf, string.Create(CultureInfo.InvariantCulture, $"""
            group = core
            admin-port = {admin}
            admin-password = {Password}
            admin-allow-ip = 127.0.0.1
            smsbox-port = {smsboxPort}
            box-allow-ip = 127.0.0.1
            log-file = "{folder.FullName}/bearerbox.log"
            log-level = 0
            dlr-storage = internal

            group = smsc
            smsc = smpp
            smsc-id = sim
            host = 127.0.0.1
            port = {smscPort}
            transceiver-mode = true
            smsc-username = {systemId}
            smsc-password = {smscPassword}
            system-type = ""
            msg-id-type = 0x03
            reconnect-delay = 1

            group = smsbox
            bearerbox-host = 127.0.0.1
            bearerbox-port = {smsboxPort}
            sendsms-port = {sendsms}
            log-file = "{folder.FullName}/smsbox.log"
            log-level = 0

            group = sendsms-user
            username = {User}
            password = {Password}
            concatenation = true
            max-messages = 10

            """), Encoding.ASCII);
        var kannel = new KannelProcesses(folder, sendsms);
        kannel.Start(Bearerbox, conf);
        if (!await Eventually.TrueAsync(() => Accepts(smsboxPort), TimeSpan.FromSeconds(20)))
        {
            await kannel.DisposeAsync();
            throw new InvalidOperationException("bearerbox did not open its smsbox port:\n" + kannel.Logs);
        }

        kannel.Start(Smsbox, conf);
        if (!await Eventually.TrueAsync(() => Accepts(sendsms), TimeSpan.FromSeconds(20)))
        {
            await kannel.DisposeAsync();
            throw new InvalidOperationException("smsbox did not open its sendsms port:\n" + kannel.Logs);
        }

        return kannel;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            try
            {
                if (!process.HasExited) process.Kill();
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await process.WaitForExitAsync(wait.Token);
            }
            catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
            {
                // Already gone, or it would not stop: the folder goes anyway.
            }

            process.Dispose();
        }

        try { _folder.Delete(recursive: true); } catch (IOException) { /* best effort */ }
    }

    private void Start(string program, string conf)
    {
        var process = new Process
        {
            StartInfo = new ProcessStartInfo(program, [conf])
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = _folder.FullName,
            },
        };
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string Tail(string path)
    {
        try
        {
            var lines = File.ReadAllLines(path);
            return string.Join("\n", lines.Skip(Math.Max(0, lines.Length - 40)));
        }
        catch (IOException)
        {
            return "(unreadable)";
        }
    }
}
