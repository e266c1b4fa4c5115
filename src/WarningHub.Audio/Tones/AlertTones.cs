using WarningHub.Core.Cap;

namespace WarningHub.Audio;

/// <summary>
/// The attention signal that opens and closes a bulletin, one per level so a listener knows the level before a word
/// is spoken: red a rising and falling siren, orange a fast two-tone, yellow a slower two-tone, blue a chime.
/// Synthesised, peak 1.0; no sound files.
/// </summary>
internal static class AlertTones
{
    /// <summary>Red: one siren cycle rises from this frequency to <see cref="SirenHighHz"/> and falls back.</summary>
    public const double SirenLowHz = 600;

    /// <summary>Red: the top of the siren sweep.</summary>
    public const double SirenHighHz = 1200;

    /// <summary>Red: length of one rise-and-fall cycle; two cycles make the 3-second signal.</summary>
    public static readonly TimeSpan SirenCycle = TimeSpan.FromSeconds(1.5);

    /// <summary>Orange: the two tones and the length of each.</summary>
    public static readonly (double High, double Low, TimeSpan Each) OrangeTwoTone = (960, 770, TimeSpan.FromSeconds(0.25));

    /// <summary>Yellow: the two tones and the length of each, slower and lower than orange.</summary>
    public static readonly (double High, double Low, TimeSpan Each) YellowTwoTone = (800, 600, TimeSpan.FromSeconds(0.5));

    /// <summary>Blue: the three chime notes (C6, A5, F5) and the length of each.</summary>
    public static readonly (IReadOnlyList<double> Notes, TimeSpan Each) BlueChime = ([1046.5, 880, 698.5], TimeSpan.FromSeconds(0.7));

    /// <summary>Test and Exercise: three short pips at this frequency open the bulletin, before the level's signal.</summary>
    public const double TestPipHz = 1000;

    /// <summary>Three 150 ms pips of <see cref="TestPipHz"/>, 150 ms apart, then 300 ms of silence; peak 1.0.</summary>
    public static float[] TestPips(int sampleRate)
    {
        var pip = ToneShapes.TwoTone(sampleRate, TestPipHz, TestPipHz, TimeSpan.FromSeconds(0.15), steps: 1);
        ToneShapes.FadeEnds(pip, sampleRate);
        var spacing = pip.Length * 2;
        var pips = new float[(spacing * 3) + pip.Length];
        for (var i = 0; i < 3; i++)
        {
            pip.CopyTo(pips, i * spacing);
        }

        return pips;
    }

    /// <summary>The signal of <paramref name="level"/> at <paramref name="sampleRate"/>, peak 1.0.</summary>
    public static float[] Render(WarningLevel level, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 8000);
        var tone = level switch
        {
            WarningLevel.Red => ToneShapes.Siren(sampleRate, SirenLowHz, SirenHighHz, SirenCycle, cycles: 2),
            WarningLevel.Orange => ToneShapes.TwoTone(sampleRate, OrangeTwoTone.High, OrangeTwoTone.Low, OrangeTwoTone.Each, steps: 12),
            WarningLevel.Yellow => ToneShapes.TwoTone(sampleRate, YellowTwoTone.High, YellowTwoTone.Low, YellowTwoTone.Each, steps: 6),
            WarningLevel.Blue => ToneShapes.Chime(sampleRate, BlueChime.Notes, BlueChime.Each),
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not a warning level"),
        };
        ToneShapes.FadeEnds(tone, sampleRate);
        Loudness.NormalisePeak(tone, 1f);
        return tone;
    }
}
