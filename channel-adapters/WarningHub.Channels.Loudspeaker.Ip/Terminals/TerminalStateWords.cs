using WarningHub.Abstractions;

namespace WarningHub.Channels.Loudspeaker.Ip.Terminals;

/// <summary>
/// The state words of the datagram and HTTP formats, after the terminal status returns of the emergency-broadcast
/// standards (GD/J): 正常 normal, 停止 stopped, 故障 fault, 恢复 recovered, 播出 broadcasting.
/// </summary>
internal static class TerminalStateWords
{
    public static bool TryParse(string? word, out TerminalState state)
    {
        state = word?.ToLowerInvariant() switch
        {
            "normal" => TerminalState.Normal,
            "stopped" => TerminalState.Stopped,
            "fault" => TerminalState.Fault,
            "recovered" => TerminalState.Recovered,
            "broadcasting" => TerminalState.Broadcasting,
            _ => TerminalState.Offline,
        };
        return state != TerminalState.Offline;
    }

    public static string ToWord(TerminalState state) => state.ToString().ToLowerInvariant();

    /// <summary>States in which a terminal plays what it is sent (a broadcasting terminal is preempted by a warning).</summary>
    public static bool CanPlay(TerminalState state) =>
        state is TerminalState.Normal or TerminalState.Recovered or TerminalState.Broadcasting;
}
