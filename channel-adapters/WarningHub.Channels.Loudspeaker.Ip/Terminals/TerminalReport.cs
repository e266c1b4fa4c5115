using WarningHub.Abstractions;

namespace WarningHub.Channels.Loudspeaker.Ip.Terminals;

/// <summary>What one heartbeat datagram or status answer says.</summary>
/// <param name="TerminalId">The terminal's own identifier (informational).</param>
/// <param name="Key">The terminal's canonical address, under which its state is filed.</param>
/// <param name="State">The state it reports.</param>
/// <param name="Groups">Multicast groups it listens to (canonical <c>rtp-multicast://</c> keys); null = unchanged.</param>
/// <param name="PlayId">The play it reports on, if any.</param>
/// <param name="Played">With <paramref name="PlayId"/>: true = played to the end, false = could not play, null = still playing.</param>
/// <param name="Reason">The terminal's words on a failure.</param>
internal sealed record TerminalReport(
    string TerminalId,
    string Key,
    TerminalState State,
    IReadOnlyList<string>? Groups,
    string? PlayId,
    bool? Played,
    string? Reason);
