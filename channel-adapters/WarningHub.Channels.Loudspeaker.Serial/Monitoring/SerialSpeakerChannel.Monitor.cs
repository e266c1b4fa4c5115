using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Serial.Broadcast;
using WarningHub.Channels.Loudspeaker.Serial.Tts;
using WarningHub.Channels.Loudspeaker.Serial.Transport;

namespace WarningHub.Channels.Loudspeaker.Serial;

/// <summary>Lifecycle and the status monitor: one status query per TTS module every <see cref="SerialSpeakerOptions.StatusInterval"/>.</summary>
public sealed partial class SerialSpeakerChannel
{
    private CancellationTokenSource? _monitorStop;
    private Task _monitor = Task.CompletedTask;

    /// <summary>Raised on every change of a terminal's state, on the thread that observed it (tests watch it).</summary>
    internal event Action<TerminalStatus>? TerminalChanged;

    /// <summary>Starts the status monitor (its first round queries every module at once). Ports open on first use.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_monitorStop is not null || _options.StatusInterval <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        _monitorStop = new CancellationTokenSource();
        var stop = _monitorStop.Token;
        _monitor = Task.Run(() => MonitorAsync(stop), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Stops the monitor and closes the ports, waiting up to the token for bulletins in progress.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_monitorStop is { } stop)
        {
            await stop.CancelAsync();
            await _monitor.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _monitorStop = null;
            stop.Dispose();
        }

        foreach (var slot in _slots.Values)
        {
            var entered = false;
            try
            {
                await slot.Gate.WaitAsync(cancellationToken);
                entered = true;
            }
            catch (OperationCanceledException)
            {
                // Out of patience: the port is closed under the bulletin, which then ends with an I/O error.
            }

            slot.Close();
            if (entered)
            {
                slot.Gate.Release();
            }
        }
    }

    /// <summary>Queries every module once; a module busy with a bulletin is skipped (the bulletin reports for it).</summary>
    internal Task PollAllAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_terminals.Values.Select(t => PollAsync(t, cancellationToken)));

    private async Task MonitorAsync(CancellationToken stop)
    {
        try
        {
            using var timer = new PeriodicTimer(_options.StatusInterval, _time);
            do
            {
                await PollAllAsync(stop);
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task PollAsync(TtsTerminal terminal, CancellationToken cancellationToken)
    {
        if (!terminal.Slot.Gate.Wait(0, CancellationToken.None))
        {
            return;
        }

        try
        {
            ModuleState state;
            try
            {
                var client = new TtsModuleClient(terminal.Slot.Line(), _options, terminal.Checksum, _time);
                state = await client.QueryAsync(attempts: 1, cancellationToken);
            }
            catch (SerialLineException e)
            {
                _logger.LogDebug(e, "Status query on serial port {Port} failed", terminal.Slot.Name);
                state = ModuleState.NoAnswer;
            }

            Record(terminal, state);
        }
        finally
        {
            terminal.Slot.Gate.Release();
        }
    }

    private void Record(TtsTerminal terminal, ModuleState observation)
    {
        var before = terminal.Health.Current?.State;
        var now = terminal.Health.Observe(observation, _time.GetUtcNow());
        if (before == now.State)
        {
            return;
        }

        TerminalChanged?.Invoke(now);
        var level = now.State is TerminalState.Fault or TerminalState.Offline ? LogLevel.Warning : LogLevel.Information;
        _logger.Log(level, "Serial terminal {Address} is {State} (was {Before}; observed {Observation})",
            now.Address, now.State, before?.ToString() ?? "unknown", observation);
    }
}
