using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace WarningHub.Testing.Peers;

/// <summary>
/// The npm `smpp` package run as an SMSC by Node.js (peers/smpp-smsc.js). It prints its port, then one JSON event
/// per line (bind, submit, message, throttled, ...), which the tests read back. The process is killed on dispose.
/// </summary>
public sealed class NodeSmsc : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<JsonElement> _events = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NodeSmsc(Process process) => _process = process;

    public int Port => _port.Task.Result;

    public IReadOnlyList<JsonElement> Events => [.. _events];

    public IEnumerable<JsonElement> OfType(string type) => Events.Where(e => e.GetProperty("type").GetString() == type);

    public static async Task<NodeSmsc> StartAsync(params string[] arguments)
    {
        var modules = NodeModules.Locate("smpp");
        var script = Path.Combine(AppContext.BaseDirectory, "Peers", "smpp-smsc.js");
        Assert.True(File.Exists(script), $"The peer script is missing at {script}.");

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardInputEncoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[NodeModules.Variable] = modules;
        start.Environment["NODE_PATH"] = modules;

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned null.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"Node.js could not be started ({ex.Message}); the interop tests need `node` on PATH. Run ./test.sh.");
            throw;
        }

        var peer = new NodeSmsc(process);
        process.OutputDataReceived += (_, line) => peer.OnLine(line.Data);
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                peer._stderr.Enqueue(line.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await peer._port.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (TimeoutException)
        {
            await peer.DisposeAsync();
            Assert.Fail("The Node.js SMSC did not print its port within 15 s. stderr: " + string.Join(" | ", peer._stderr));
        }

        return peer;
    }

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds over the events received so far.</summary>
    public Task<bool> WaitForAsync(Func<NodeSmsc, bool> condition, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(() => condition(this), timeout ?? TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(20));

    public string Diagnostics() => "stderr: " + string.Join(" | ", _stderr);

    /// <summary>
    /// Has the SMSC send <paramref name="text"/> from a handset as a mobile-originated deliver_sm (esm_class 0) on
    /// every transceiver bind; each is logged as a mo-acknowledged event when the ESME answers.
    /// </summary>
    public async Task SendMobileOriginatedAsync(string from, string to, string text, int? dataCoding = null)
    {
        var command = new Dictionary<string, object> { ["type"] = "mo", ["from"] = from, ["to"] = to, ["text"] = text };
        if (dataCoding is { } coding)
        {
            command["dataCoding"] = coding;
        }

        await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(command));
        await _process.StandardInput.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or it would not die in time: nothing more a test can do.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void OnLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        if (!_port.Task.IsCompleted && int.TryParse(line, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port))
        {
            _port.TrySetResult(port);
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            _events.Enqueue(document.RootElement.Clone());
        }
        catch (JsonException)
        {
            _stderr.Enqueue("stdout (not JSON): " + line);
        }
    }
}
