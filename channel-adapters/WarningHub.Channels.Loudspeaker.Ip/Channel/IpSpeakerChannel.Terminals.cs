using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Ip.Addressing;
using WarningHub.Channels.Loudspeaker.Ip.Terminals;

namespace WarningHub.Channels.Loudspeaker.Ip;

public sealed partial class IpSpeakerChannel
{
    /// <summary>A heartbeat, state change or play report from a terminal (UDP datagram or HTTP status answer).</summary>
    private void OnReport(TerminalReport report)
    {
        var before = _book.StatusOf(report.Key)?.State;
        _book.Report(report);
        var after = _book.StatusOf(report.Key)?.State;
        if (before != after)
        {
            _logger.LogInformation("Terminal {Terminal} ({Id}): {Before} → {After}", report.Key, report.TerminalId, before?.ToString() ?? "unknown", after);
        }

        if (report.PlayId is not null && report.Played is { } played
            && !_confirmations.OnReport(report.Key, report.PlayId, played))
        {
            _logger.LogDebug("Terminal {Terminal} reported play {PlayId}, which is not awaited", report.Key, report.PlayId);
        }
    }

    /// <inheritdoc />
    /// <remarks>The address is reduced to its key (no query); a multicast group is no single terminal and has no state.</remarks>
    public TerminalStatus? StatusOf(string address)
    {
        var parsed = TerminalAddress.Parse(address, _options, out _);
        return parsed is null || parsed.Kind == TerminalKind.RtpMulticast ? null : _book.StatusOf(parsed.Key);
    }

    /// <summary>
    /// The refusal for a terminal that cannot be counted as reached now, or null when it can play. Unknown,
    /// offline, fault and stopped terminals all fail temporarily: the engine retries, and never counts them reached.
    /// </summary>
    private DeliveryResult? Unplayable(string key)
    {
        var status = _book.StatusOf(key);
        if (status is null)
        {
            return DeliveryResult.Temporary("UNKNOWN", $"No heartbeat or status has been received from {key}; an unknown terminal is not counted as reached.", _options.OfflineAfter);
        }

        var since = status.At.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        return status.State switch
        {
            TerminalState.Offline => DeliveryResult.Temporary("OFFLINE", $"Terminal {key} has sent nothing since {since} (UTC+8 offline time; silent for over {_options.OfflineAfter}).", _options.OfflineAfter),
            TerminalState.Fault => DeliveryResult.Temporary("FAULT", $"Terminal {key} reports a fault since {since} (UTC+8)."),
            TerminalState.Stopped => DeliveryResult.Temporary("STOPPED", $"Terminal {key} is stopped since {since} (UTC+8)."),
            _ => null,
        };
    }
}
