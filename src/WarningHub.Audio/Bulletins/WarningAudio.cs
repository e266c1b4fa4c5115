using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WarningHub.Core.Cap;
using WarningHub.Core.Warnings;

namespace WarningHub.Audio;

/// <summary>
/// Makes and keeps loudspeaker bulletins: script from the templates, speech from the configured engine, tones
/// by level, mixed and encoded by <see cref="BulletinEncoder"/>. When speech is unavailable or fails the bulletin
/// is tones only and says why; a failed synthesis is tried again after <see cref="AudioOptions.DegradedRetryAfter"/>.
/// </summary>
public sealed class WarningAudio : IWarningAudio
{
    private readonly ISpeechSynthesizer speech;
    private readonly AudioOptions options;
    private readonly BroadcastScriptWriter scripts;
    private readonly BulletinEncoder encoder;
    private readonly BulletinMemory memory;
    private readonly BulletinFolder? folder;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    /// <summary>Creates the service; nothing is synthesised until a bulletin is asked for.</summary>
    public WarningAudio(
        ISpeechSynthesizer speech, BroadcastTemplates templates, IOptions<AudioOptions> options,
        TimeProvider? time = null, ILogger<WarningAudio>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(speech);
        ArgumentNullException.ThrowIfNull(options);
        this.speech = speech;
        this.options = options.Value;
        this.time = time ?? TimeProvider.System;
        this.logger = logger ?? NullLogger<WarningAudio>.Instance;
        scripts = new BroadcastScriptWriter(templates, this.options);
        encoder = new BulletinEncoder(this.options);
        memory = new BulletinMemory(this.options.MaxCachedBulletins, this.time);
        folder = this.options.CacheFolder is { } path ? new BulletinFolder(path) : null;
    }

    /// <inheritdoc />
    public Task<WarningBulletin> GetAsync(WarningRecord warning, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warning);
        var alert = StoredCap.Read(warning.CapXml).Alert
            ?? throw new ArgumentException($"Warning {warning.PublicId}: its stored CAP XML cannot be read.", nameof(warning));

        // The stored column is what routing obeys; if it and the document ever disagree, the safer (not Actual) wins.
        var status = warning.CapStatus != CapStatus.Actual ? warning.CapStatus : alert.Status;
        return GetAsync(warning.PublicId, alert, status, language, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<WarningBulletin> GetAsync(
        string warningId, CapAlert alert, CapStatus status, string language, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(warningId);
        var script = scripts.Write(alert, language, status);
        var availability = await speech.CheckAvailabilityAsync(cancellationToken);
        var profile = availability.IsAvailable ? speech.Profile : "tones-only";
        var clipId = BulletinKey.ClipId(warningId, script, profile, options);

        // Made on the thread pool, not on the caller's token: callers asking for the same clip share one making,
        // and one caller giving up must not cancel it for the others. Speech has its own time limit.
        var audio = await memory.GetOrMake(clipId, () => Task.Run(() => MakeAsync(clipId, script, availability)))
            .WaitAsync(cancellationToken);
        return new WarningBulletin(audio.Clip, script, audio.SpeechProblem);
    }

    /// <inheritdoc />
    public TimeSpan EstimateLength(CapAlert alert, CapStatus status, string language)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var script = scripts.Write(alert, language, status);
        var tone = TimeSpan.FromSeconds((double)AlertTones.Render(script.Level, BulletinEncoder.G711SampleRate).Length / BulletinEncoder.G711SampleRate);
        var pips = script.IsNotActual ? TimeSpan.FromSeconds((double)AlertTones.TestPips(BulletinEncoder.G711SampleRate).Length / BulletinEncoder.G711SampleRate) : TimeSpan.Zero;
        var spoken = options.SpeechEngine == SpeechEngines.None ? TimeSpan.Zero : TimeSpan.FromMinutes((double)script.FullText.Length / options.Rate);
        return pips + tone + spoken + tone;
    }

    private async Task<BulletinAudio> MakeAsync(string clipId, BroadcastScript script, SpeechAvailability availability)
    {
        if (folder is not null && await folder.TryLoadAsync(clipId, CancellationToken.None) is { } stored)
        {
            return new BulletinAudio(stored, availability.Reason, RetryAt: null);
        }

        if (!availability.IsAvailable)
        {
            logger.LogWarning("Bulletin {ClipId} has alert tones only: {Reason}. Terminals with their own speech get the text.",
                clipId, availability.Reason);
            var tones = encoder.Encode(clipId, script.Level, null, script.Repeats, script.IsNotActual);
            return await KeepAsync(new BulletinAudio(tones, availability.Reason, RetryAt: null));
        }

        try
        {
            var spoken = await speech.SynthesizeAsync(new SpeechRequest(script.Text, script.Language), CancellationToken.None);
            var clip = encoder.Encode(clipId, script.Level, spoken, script.Repeats, script.IsNotActual);
            return await KeepAsync(new BulletinAudio(clip, SpeechProblem: null, RetryAt: null));
        }
        catch (Exception e)
        {
            // Any failure of the speech engine, a pluggable component, costs the words, never the bulletin.
            var problem = $"speech failed ({e.Message})";
            logger.LogError(e, "Bulletin {ClipId} has alert tones only: {Problem}. Speech is tried again after {RetryAfter}.",
                clipId, problem, options.DegradedRetryAfter);
            var tones = encoder.Encode(clipId, script.Level, null, script.Repeats, script.IsNotActual);
            return new BulletinAudio(tones, problem, time.GetUtcNow() + options.DegradedRetryAfter);
        }
    }

    private async Task<BulletinAudio> KeepAsync(BulletinAudio audio)
    {
        if (folder is not null)
        {
            try
            {
                await folder.SaveAsync(audio.Clip, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The bulletin is still good; only the next restart will have to make it again.
                logger.LogWarning(e, "Bulletin {ClipId} could not be kept in the cache folder.", audio.Clip.Id);
            }
        }

        return audio;
    }
}
