using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace WarningHub.FaultBattery;

/// <summary>The real `warninghub serve` as a child process, to be killed with SIGKILL or stopped with SIGTERM.</summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _all = new();

    private ServeProcess(Process process) => _process = process;

    public static ServeProcess Start(string config, string workingDirectory, string urls)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { BatteryFiles.CliDll, "serve", "--config", config, "--urls", urls }) start.ArgumentList.Add(a);
        var serve = new ServeProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started"));
        serve._process.OutputDataReceived += (_, line) => serve.Keep(line.Data);
        serve._process.ErrorDataReceived += (_, line) => serve.Keep(line.Data);
        serve._process.BeginOutputReadLine();
        serve._process.BeginErrorReadLine();
        return serve;
    }

    /// <summary>The last lines it printed, for a failure's message.</summary>
    public string Tail => string.Join(Environment.NewLine, _output);

    /// <summary>The first line it printed (of its first few thousand) that contains <paramref name="text"/>, or null.</summary>
    public string? Printed(string text) => _all.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));

    public async Task WaitHealthyAsync(HttpClient http, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"serve exited with {_process.ExitCode}: {Tail}");
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"serve did not answer /health within {timeout}: {Tail}");
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as a service manager stops it, then waits (bounded) for it to exit.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture) } })!)
        {
            await kill.WaitForExitAsync();
        }
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            throw new TimeoutException($"serve did not stop within {timeout} of SIGTERM: {Tail}");
        }
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
    }

    /// <summary>Flat "A:B:C" settings as the nested JSON of a settings file (numeric keys become arrays).</summary>
    public static string SettingsJson(IReadOnlyDictionary<string, string?> flat)
    {
        var root = new Dictionary<string, object>();
        foreach (var (key, value) in flat)
        {
            var parts = key.Split(':');
            var node = root;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                if (!node.TryGetValue(parts[i], out var child)) node[parts[i]] = child = new Dictionary<string, object>();
                node = (Dictionary<string, object>)child;
            }
            node[parts[^1]] = value!;
        }
        return JsonSerializer.Serialize(Arrays(root));
    }

    private static object Arrays(object node) => node is Dictionary<string, object> d
        ? d.Keys.All(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            ? d.OrderBy(kv => int.Parse(kv.Key, CultureInfo.InvariantCulture)).Select(kv => Arrays(kv.Value)).ToList()
            : d.ToDictionary(kv => kv.Key, kv => Arrays(kv.Value))
        : node;

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        if (_all.Count < 5000) _all.Enqueue(line);
        while (_output.Count > 40) _output.TryDequeue(out _);
    }
}
