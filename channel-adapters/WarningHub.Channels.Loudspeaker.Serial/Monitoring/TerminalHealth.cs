using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Serial.Tts;

namespace WarningHub.Channels.Loudspeaker.Serial.Monitoring;

/// <summary>
/// The state of one TTS module as status queries and bulletins observe it, following the emergency-broadcast
/// terminal states: idle → Normal; speaking → Broadcasting; a wrong answer → Fault; no answer → Fault, and Offline
/// once <c>offlineAfterMissed</c> queries in a row went unanswered; the first idle answer after Fault or Offline →
/// Recovered (and Normal with the next one). Stopped is never reported: a module does not say that an operator
/// switched it off, it falls silent.
/// </summary>
internal sealed class TerminalHealth(string address, int offlineAfterMissed)
{
    private readonly Lock _lock = new();
    private TerminalStatus? _current;
    private int _missed;
    private bool _troubled;

    public string Address { get; } = address;

    /// <summary>The last state, or null before the first observation.</summary>
    public TerminalStatus? Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    /// <summary>Records one observation and returns the state it leads to.</summary>
    public TerminalStatus Observe(ModuleState observation, DateTimeOffset at)
    {
        lock (_lock)
        {
            TerminalState state;
            switch (observation)
            {
                case ModuleState.Idle:
                    state = _troubled ? TerminalState.Recovered : TerminalState.Normal;
                    _troubled = false;
                    _missed = 0;
                    break;
                case ModuleState.Busy:
                    state = TerminalState.Broadcasting;
                    _missed = 0;
                    break;
                case ModuleState.BadAnswer:
                    state = TerminalState.Fault;
                    _troubled = true;
                    break;
                default:
                    _missed++;
                    _troubled = true;
                    state = _missed >= offlineAfterMissed ? TerminalState.Offline : TerminalState.Fault;
                    break;
            }

            _current = new TerminalStatus(Address, state, at);
            return _current;
        }
    }
}
