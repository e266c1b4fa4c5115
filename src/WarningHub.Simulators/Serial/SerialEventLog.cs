namespace WarningHub.Simulators.Serial;

/// <summary>
/// One ordered journal shared by the simulated devices of a serial terminal (TTS module, relay slave), so that a test
/// or a demo can see the order in which things happened across devices: relay on, speech, idle, relay off.
/// </summary>
public sealed class SerialEventLog
{
    private readonly Lock _lock = new();
    private readonly List<string> _entries = [];

    /// <summary>A copy of the entries so far, oldest first.</summary>
    public IReadOnlyList<string> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Appends one entry.</summary>
    public void Add(string entry)
    {
        lock (_lock)
        {
            _entries.Add(entry);
        }
    }
}
