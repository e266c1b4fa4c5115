using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace WarningHub.Audio;

/// <summary>
/// Speaks with the local espeak-ng program: one process per script, text on standard input (UTF-8), WAV on
/// standard output. Chinese uses <see cref="AudioOptions.Voice"/> (cmn-latn-pinyin), other languages
/// <see cref="AudioOptions.EnglishVoice"/>.
/// </summary>
public sealed class EspeakSynthesizer : ISpeechSynthesizer
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);
    private readonly AudioOptions options;
    private readonly ILogger logger;
    private readonly Lazy<Task<SpeechAvailability>> availability;

    /// <summary>Creates the synthesizer; nothing is run until it is first used.</summary>
    public EspeakSynthesizer(AudioOptions options, ILogger<EspeakSynthesizer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        this.logger = logger ?? NullLogger<EspeakSynthesizer>.Instance;
        availability = new Lazy<Task<SpeechAvailability>>(ProbeAsync);
        Profile = string.Join('/', SpeechEngines.EspeakNg, options.Voice, options.EnglishVoice, options.Rate.ToString(CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public string Profile { get; }

    /// <inheritdoc />
    public async ValueTask<SpeechAvailability> CheckAvailabilityAsync(CancellationToken cancellationToken) =>
        await availability.Value.WaitAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // espeak-ng reading standard input speaks an unknown voice with its default one and exits 0, so the voice
        // is checked against the probe's listing instead.
        var availability = await CheckAvailabilityAsync(cancellationToken);
        if (!availability.IsAvailable)
        {
            throw new SpeechException(availability.Reason!);
        }

        var voice = request.IsChinese ? options.Voice : options.EnglishVoice;
        string[] arguments = ["-v", voice, "-s", options.Rate.ToString(CultureInfo.InvariantCulture), "-b", "1", "--stdin", "--stdout"];
        ProgramRun run;
        try
        {
            run = await ExternalProgram.RunAsync(options.EspeakPath, arguments, request.Text, options.SpeechTimeout, cancellationToken);
        }
        catch (Exception e) when (e is Win32Exception or TimeoutException or IOException)
        {
            throw new SpeechException($"espeak-ng ('{options.EspeakPath}') failed: {e.Message}", e);
        }

        if (run.ExitCode != 0)
        {
            throw new SpeechException($"espeak-ng exited with {run.ExitCode} for voice '{voice}': {run.Errors.Trim()}");
        }

        return WavDecoding.Decode(run.Output, "espeak-ng");
    }

    private async Task<SpeechAvailability> ProbeAsync()
    {
        var result = await ProbeCoreAsync();
        if (!result.IsAvailable)
        {
            logger.LogWarning("Speech engine espeak-ng is unavailable: {Reason}. Bulletins will carry alert tones only; "
                + "terminals with their own speech still get the text.", result.Reason);
        }

        return result;
    }

    private async Task<SpeechAvailability> ProbeCoreAsync()
    {
        ProgramRun version, voices;
        try
        {
            version = await ExternalProgram.RunAsync(options.EspeakPath, ["--version"], null, ProbeTimeout, CancellationToken.None);
            voices = await ExternalProgram.RunAsync(options.EspeakPath, ["--voices"], null, ProbeTimeout, CancellationToken.None);
        }
        catch (Exception e)
        {
            // Whatever stops the program from running (not installed, not executable, hanging) means no speech.
            return SpeechAvailability.Unavailable(
                $"espeak-ng could not be run from '{options.EspeakPath}' ({e.Message}); install the Debian package "
                + "espeak-ng or set Audio:EspeakPath");
        }

        if (version.ExitCode != 0 || voices.ExitCode != 0)
        {
            return SpeechAvailability.Unavailable(
                $"'{options.EspeakPath} --version' exited with {version.ExitCode}: {version.Errors.Trim()}");
        }

        var listed = EspeakVoices.Parse(System.Text.Encoding.UTF8.GetString(voices.Output));
        var missing = new[] { options.Voice, options.EnglishVoice }
            .Where(voice => !listed.Contains(voice))
            .ToList();
        return missing.Count == 0
            ? SpeechAvailability.Available
            : SpeechAvailability.Unavailable(
                $"espeak-ng has no voice {string.Join(" or ", missing.Select(v => $"'{v}'"))} (see 'espeak-ng --voices')");
    }
}
