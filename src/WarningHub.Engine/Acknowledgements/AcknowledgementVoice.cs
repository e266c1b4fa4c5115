using System.Globalization;
using Microsoft.Extensions.Options;
using WarningHub.Core.Acknowledgements;
using WarningHub.Core.Cap;
using WarningHub.Core.Notices;
using WarningHub.Core.Planning;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Notices;
using WarningHub.Engine.Sending;

namespace WarningHub.Engine.Acknowledgements;

/// <summary>
/// Voice calls (语音通知) for 叫应: at the levels of <see cref="NoticeOptions.VoiceFor"/>, and only while some voice
/// gateway is configured, every officer called also gets a phone call that speaks the headline and asks for 1; the
/// silent ones are called again at the deadline with the reminder. A call is an officer notice on the voice channel,
/// queued with the 叫应 in the same transaction; its key is the call id the gateway's result brings back.
/// </summary>
public sealed class AcknowledgementVoice(ChannelRouter router, IOptions<NoticeOptions> options)
{
    /// <summary>True when the warning's 叫应 places voice calls: its level calls for them and a voice gateway is configured.</summary>
    public bool Calls(WarningRecord warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return warning.Level is { } level && options.Value.CallsByVoice(level.ToString()) && router.AdaptersFor(Channels.Voice).Count > 0;
    }

    /// <summary>The call to an officer: attempt 1 with the 叫应, 2 at the deadline.</summary>
    public static OfficerNotice Notice(WarningRecord warning, Acknowledgement call, int attempt)
    {
        ArgumentNullException.ThrowIfNull(warning);
        ArgumentNullException.ThrowIfNull(call);
        return new OfficerNotice(CallId(warning.Id, call.OfficerId, attempt), warning.Id, call.OfficerId, Channels.Voice, call.Phone, Text(warning));
    }

    /// <summary>What the call says before the gateway's "press 1": the headline, said to be a drill or a test when it is one.</summary>
    public static string Text(WarningRecord warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        var marker = warning.CapStatus switch
        {
            CapStatus.Actual => "",
            CapStatus.Exercise => "演练，非真实预警。",
            _ => "测试，非真实预警。",
        };
        return marker + warning.Headline.Trim();
    }

    /// <summary>The call id (and notice key) of an attempt: <c>ack:{warning}:{officer}:voice:{attempt}</c>.</summary>
    public static string CallId(long warningId, long officerId, int attempt) =>
        AcknowledgementCalls.Key(warningId, officerId, string.Create(CultureInfo.InvariantCulture, $"voice:{attempt}"));

    /// <summary>Reads a call id made by <see cref="CallId"/>; false for anything else.</summary>
    public static bool TryParseCallId(string? callId, out long warningId, out long officerId, out int attempt)
    {
        (warningId, officerId, attempt) = (0, 0, 0);
        if (callId is null || !callId.StartsWith("ack:", StringComparison.Ordinal)) return false;
        var parts = callId.Split(':');
        return parts.Length == 5 && parts[0] == "ack" && parts[3] == "voice"
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out warningId)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out officerId)
            && int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out attempt) && attempt is >= 1 and <= 9;
    }
}
