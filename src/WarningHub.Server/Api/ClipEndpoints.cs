using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WarningHub.Abstractions;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Shared;

namespace WarningHub.Server.Api;

/// <summary>
/// GET and HEAD /clips/{clip id}.wav: the bulletin as IP loudspeakers in "Url" delivery fetch it (their adapter tells
/// them <c>{ClipBaseUrl}/{clip id}.wav</c>; <c>ClipBaseUrl</c> defaults to <c>{Engine:PublicBaseUrl}/clips</c>).
/// The clip is the one every terminal and the broadcaster page play. Terminals hold no API key; the clip id, which
/// ends in a hash of the script and the audio settings, is what they present, and only while the warning is in force:
/// after a cancel, an update or expiry a terminal that fetches late plays nothing.
/// </summary>
internal static class ClipEndpoints
{
    public const string BasePath = "/clips";
    public const string Route = BasePath + "/{clip}.wav";

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> WavAsync(string clip, IWarningStore warnings,
        IEnumerable<IBulletinSource> bulletins, CancellationToken cancellationToken)
    {
        // A clip id is "<warning id>.<language>.<hash>" (the audio module's BulletinKey).
        var dot = clip.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0) return NotFound();
        var warning = await warnings.GetAsync(clip[..dot], cancellationToken);
        if (warning is not { State: WarningState.Released }) return NotFound();
        if (bulletins.FirstOrDefault() is not { } source)
            return Problems.Of(StatusCodes.Status503ServiceUnavailable, "No audio", detail: "This hub makes no bulletins (no audio module configured).");
        var bulletin = await source.BulletinAsync(warning, cancellationToken);
        if (!string.Equals(bulletin.Clip.Id, clip, StringComparison.Ordinal)) return NotFound();
        return bulletin.Clip.TryGet(AudioFormat.WavPcm16k, out var wav)
            ? TypedResults.File(wav.ToArray(), "audio/wav", clip + ".wav")
            : Problems.Of(StatusCodes.Status503ServiceUnavailable, "No WAV", detail: "The bulletin has no WAV encoding.");
    }

    private static ProblemHttpResult NotFound() =>
        Problems.Of(StatusCodes.Status404NotFound, "No such clip", detail: "No warning in force has this clip.");
}
