using Microsoft.Extensions.Options;

namespace WarningHub.Audio;

/// <summary>Checks <see cref="AudioOptions"/> at start-up and reports every problem at once, naming each property.</summary>
public sealed class AudioOptionsValidator : IValidateOptions<AudioOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AudioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Fail(string property, string problem) => failures.Add($"Audio: {property} {problem}");

        if (!SpeechEngines.All.Contains(options.SpeechEngine, StringComparer.Ordinal))
        {
            Fail(nameof(options.SpeechEngine), $"must be one of {string.Join(", ", SpeechEngines.All)}, not '{options.SpeechEngine}'.");
        }

        if (options.SpeechEngine == SpeechEngines.EspeakNg)
        {
            Required(options.EspeakPath, nameof(options.EspeakPath), Fail);
            Required(options.Voice, nameof(options.Voice), Fail);
            Required(options.EnglishVoice, nameof(options.EnglishVoice), Fail);
        }

        if (options.SpeechEngine == SpeechEngines.Http
            && !(Uri.TryCreate(options.HttpTtsUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
        {
            Fail(nameof(options.HttpTtsUrl), "must be an absolute http or https URL when SpeechEngine is http.");
        }

        Range(options.Rate, 80, 450, nameof(options.Rate), Fail);
        Range(options.Repeats, 1, 10, nameof(options.Repeats), Fail);
        Range(options.MaxCachedBulletins, 1, 10_000, nameof(options.MaxCachedBulletins), Fail);
        Range(options.TargetPeakDbfs, -30, 0, nameof(options.TargetPeakDbfs), Fail);
        Range(options.ToneLevelDb, -30, 0, nameof(options.ToneLevelDb), Fail);

        if (options.SpeechTimeout <= TimeSpan.Zero || options.SpeechTimeout > TimeSpan.FromMinutes(10))
        {
            Fail(nameof(options.SpeechTimeout), "must be positive and at most 10 minutes.");
        }

        if (options.RepeatPause < TimeSpan.Zero || options.RepeatPause > TimeSpan.FromSeconds(10))
        {
            Fail(nameof(options.RepeatPause), "must be between 0 and 10 seconds.");
        }

        if (options.DegradedRetryAfter < TimeSpan.Zero)
        {
            Fail(nameof(options.DegradedRetryAfter), "must not be negative.");
        }

        Folder(options.TemplateFolder, nameof(options.TemplateFolder), mustExist: true, Fail);
        Folder(options.CacheFolder, nameof(options.CacheFolder), mustExist: false, Fail);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Required(string? value, string property, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            fail(property, "is required when SpeechEngine is espeak-ng.");
        }
    }

    private static void Range(double value, double min, double max, string property, Action<string, string> fail)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            fail(property, $"must be between {min} and {max}.");
        }
    }

    private static void Folder(string? path, string property, bool mustExist, Action<string, string> fail)
    {
        if (path is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(path) || path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            fail(property, "must be a valid folder path or left out.");
        }
        else if (mustExist && !Directory.Exists(path))
        {
            fail(property, $"'{path}' does not exist.");
        }
    }
}
