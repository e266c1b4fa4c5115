using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace WarningHub.FaultBattery;

/// <summary>
/// The npm `smpp` package run as the SMSC (peers/smpp-smsc.js, with its fault switches). Its stdout, one JSON event
/// per line, is folded as it arrives into what each phone received: single messages, and the parts of every
/// concatenated message by (kind, reference, total), so a 20,000-person run keeps counters, not events.
/// </summary>
public sealed class SmscPeer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<string, PhoneParts> _phones = new(StringComparer.Ordinal);
    private readonly HashSet<string> _complete = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private long _throttled;
    private long _withheld;
    private long _queries;
    private long _binds;
    private long _refusedBinds;

    private SmscPeer(Process process) => _process = process;

    public int Port => _port.Task.Result;

    /// <summary>Phones that have received at least one complete message so far.</summary>
    public int PhonesWithAMessage
    {
        get
        {
            lock (_lock) return _complete.Count;
        }
    }

    public long Throttled => Interlocked.Read(ref _throttled);

    public long ReceiptsWithheld => Interlocked.Read(ref _withheld);

    public long Queries => Interlocked.Read(ref _queries);

    public long Binds => Interlocked.Read(ref _binds);

    public long RefusedBinds => Interlocked.Read(ref _refusedBinds);

    public long Submits
    {
        get
        {
            lock (_lock) return _ids.Count;
        }
    }

    /// <param name="arguments">The script's switches: --throttle-percent 30, --receipt-loss-percent 5, --query-sm invalid, ...</param>
    public static async Task<SmscPeer> StartAsync(params string[] arguments)
    {
        var modules = BatteryFiles.NodeModules;
        var script = BatteryFiles.PeerScript;
        if (!File.Exists(script)) throw new FileNotFoundException("The SMSC peer script is missing.", script);
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment[BatteryFiles.NodeModulesVariable] = modules;
        start.Environment["NODE_PATH"] = modules;
        var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started");
        var peer = new SmscPeer(process);
        process.OutputDataReceived += (_, line) => peer.OnLine(line.Data);
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null && peer._stderr.Count < 200) peer._stderr.Enqueue(line.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await Task.WhenAny(peer._port.Task, Task.Delay(TimeSpan.FromSeconds(30))) != peer._port.Task)
        {
            await peer.DisposeAsync();
            throw new TimeoutException("The npm SMSC did not print its port within 30 s. " + peer.Diagnostics());
        }
        return peer;
    }

    /// <summary>True once the SMSC has recorded every one of <paramref name="ids"/> (its stdout trails its answers).</summary>
    public bool HasSeen(IEnumerable<string> ids)
    {
        lock (_lock) return ids.All(_ids.Contains);
    }

    /// <summary>What each phone received, as the SMSC saw it.</summary>
    public IReadOnlyDictionary<string, PhoneReceived> Received()
    {
        lock (_lock)
        {
            return _phones.ToDictionary(p => p.Key, p => p.Value.Summary(), StringComparer.Ordinal);
        }
    }

    public string Diagnostics() => "SMSC stderr: " + string.Join(" | ", _stderr);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // already gone, or it would not die in time
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void OnLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line)) return;
        if (!_port.Task.IsCompleted && int.TryParse(line, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port))
        {
            _port.TrySetResult(port);
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var e = document.RootElement;
            switch (e.GetProperty("type").GetString())
            {
                case "submit":
                    OnSubmit(e);
                    break;
                case "message":
                    lock (_lock) _complete.Add(e.GetProperty("destination").GetString()!);
                    break;
                case "throttled":
                    Interlocked.Increment(ref _throttled);
                    break;
                case "receipt-withheld":
                    Interlocked.Increment(ref _withheld);
                    break;
                case "query":
                    Interlocked.Increment(ref _queries);
                    break;
                case "bind":
                    Interlocked.Increment(ref _binds);
                    break;
                case "bind-refused":
                    Interlocked.Increment(ref _refusedBinds);
                    break;
            }
        }
        catch (JsonException)
        {
            if (_stderr.Count < 200) _stderr.Enqueue("stdout (not JSON): " + line);
        }
    }

    private void OnSubmit(JsonElement submit)
    {
        var destination = submit.GetProperty("destination").GetString()!;
        var id = submit.GetProperty("id").GetString()!;
        (string Kind, int Ref, int Total, int Seq)? part = null;
        if (submit.TryGetProperty("concat", out var concat) && concat.ValueKind == JsonValueKind.Object && concat.GetProperty("total").GetInt32() > 1)
        {
            part = (concat.GetProperty("kind").GetString()!, concat.GetProperty("ref").GetInt32(), concat.GetProperty("total").GetInt32(), concat.GetProperty("seq").GetInt32());
        }

        lock (_lock)
        {
            _ids.Add(id);
            if (!_phones.TryGetValue(destination, out var phone)) _phones[destination] = phone = new PhoneParts();
            if (part is { } p) phone.AddPart(p.Kind, p.Ref, p.Total, p.Seq);
            else phone.Singles++;
        }
    }

    private sealed class PhoneParts
    {
        private readonly Dictionary<(string Kind, int Ref, int Total), int[]> _groups = [];

        public int Singles { get; set; }

        public void AddPart(string kind, int reference, int total, int seq)
        {
            if (!_groups.TryGetValue((kind, reference, total), out var seen)) _groups[(kind, reference, total)] = seen = new int[total];
            if (seq >= 1 && seq <= total) seen[seq - 1]++;
        }

        public PhoneReceived Summary()
        {
            var complete = _groups.Values.Count(g => g.All(n => n > 0));
            var orphans = _groups.Count - _groups.Values.Count(g => g.All(n => n > 0));
            var repeatedPart = _groups.Values.Any(g => g.Any(n => n > 1));
            return new PhoneReceived(Singles + complete, orphans, repeatedPart || Singles + complete > 1);
        }
    }
}

/// <summary>What one phone received.</summary>
/// <param name="CompleteMessages">Whole messages: single ones, and concatenated ones with every part.</param>
/// <param name="OrphanGroups">Concatenated messages of which some part never arrived.</param>
/// <param name="Duplicated">A message or a part arrived more than once.</param>
public sealed record PhoneReceived(int CompleteMessages, int OrphanGroups, bool Duplicated);
