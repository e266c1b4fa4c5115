using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Ip.Addressing;
using WarningHub.Channels.Loudspeaker.Ip.Audio;
using WarningHub.Channels.Loudspeaker.Ip.Http;
using WarningHub.Channels.Loudspeaker.Ip.Terminals;

namespace WarningHub.Channels.Loudspeaker.Ip;

public sealed partial class IpSpeakerChannel
{
    private const int PollParallelism = 16;

    /// <summary>HTTP terminals addressed at least once: polled for their state and play confirmations.</summary>
    private readonly ConcurrentDictionary<string, Uri> _httpTerminals = new(StringComparer.Ordinal);

    /// <summary>
    /// Asks the terminal's status first (a terminal that does not answer, or reports a fault, is refused
    /// temporarily), then posts the clip. The provider id is <c>{playId}@{address key}</c> with the terminal's
    /// playId (ours, if it does not name one); its status answers confirm the play.
    /// </summary>
    private async ValueTask<DeliveryResult> BroadcastHttpAsync(AudioMessage message, TerminalAddress address, CancellationToken cancellationToken)
    {
        var key = address.Key;
        _httpTerminals.TryAdd(key, address.BaseUri!);
        var status = await _http.StatusAsync(address.BaseUri!, cancellationToken).ConfigureAwait(false);
        var answer = status.IsSuccess ? StatusAnswer.Parse(status.Body) : null;
        if (answer is null)
        {
            return DeliveryResult.Temporary(
                status.Reached ? "STATUS" : "UNREACHABLE",
                $"Terminal {key} gave no usable status ({(status.Reached ? status.Problem + ", expected {\"state\":…}" : status.Problem)}); it is not counted as reached.",
                status.RetryAfter);
        }

        OnReport(ReportOf(key, answer));
        if (Unplayable(key) is { } refusal)
        {
            return refusal;
        }

        var proposed = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var deadline = _time.GetUtcNow() + message.Clip.Duration + _options.PlayConfirmationGrace;
        _confirmations.Expect($"{proposed}@{key}", proposed, [key], deadline);
        HttpExchange play;
        if (address.ClipDelivery == HttpClipDelivery.Url)
        {
            var url = $"{_options.ClipBaseUrl!.TrimEnd('/')}/{Uri.EscapeDataString(message.Clip.Id)}.wav";
            play = await _http.PlayUrlAsync(address.BaseUri!, proposed, url, cancellationToken).ConfigureAwait(false);
        }
        else if (ClipPayload.ForUpload(message.Clip, out var problem) is { } wav)
        {
            play = await _http.UploadAsync(address.BaseUri!, proposed, wav, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _confirmations.Forget($"{proposed}@{key}");
            return DeliveryResult.Permanent("CLIP", problem);
        }

        if (!play.IsSuccess)
        {
            _confirmations.Forget($"{proposed}@{key}");
            return Refused(key, play);
        }

        var playId = play.PlayId() ?? proposed;
        if (playId != proposed)
        {
            _confirmations.Forget($"{proposed}@{key}");
            _confirmations.Expect($"{playId}@{key}", playId, [key], deadline);
        }

        return DeliveryResult.Accepted([$"{playId}@{key}"]);
    }

    private static DeliveryResult Refused(string key, HttpExchange play)
    {
        if (!play.Reached)
        {
            return play.RequestMayHaveLeft
                ? DeliveryResult.Unknown($"The play request to {key} may have arrived but got no answer ({play.Problem}).")
                : DeliveryResult.Temporary("UNREACHABLE", $"Terminal {key} could not be connected to ({play.Problem}).");
        }

        var code = "HTTP_" + play.StatusCode.ToString(CultureInfo.InvariantCulture);
        var reason = $"Terminal {key} refused the play: {play.Problem}.";
        return play.StatusCode is 408 or 409 or 423 or 429 or >= 500
            ? DeliveryResult.Temporary(code, reason, play.RetryAfter)
            : DeliveryResult.Permanent(code, reason);
    }

    /// <summary>A status answer as a report: played true confirms, a fault while on an awaited play fails it.</summary>
    private static TerminalReport ReportOf(string key, StatusAnswer answer)
    {
        bool? played = answer.Played == true ? true : answer.State == TerminalState.Fault ? false : null;
        return new TerminalReport(key, key, answer.State, null, answer.PlayId, answer.PlayId is null ? null : played, null);
    }

    private async Task PollHttpTerminalsAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.HttpStatusPollInterval, _time);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = PollParallelism, CancellationToken = cancellationToken };
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await Parallel.ForEachAsync(_httpTerminals, parallel, async (terminal, token) =>
                {
                    var status = await _http.StatusAsync(terminal.Value, token).ConfigureAwait(false);
                    if (status.IsSuccess && StatusAnswer.Parse(status.Body) is { } answer)
                    {
                        OnReport(ReportOf(terminal.Key, answer));
                    }
                }).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
