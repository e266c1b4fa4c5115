using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using WarningHub.Audio;
using WarningHub.Core.Cap;

namespace WarningHub.Bench.Scenarios;

/// <summary>
/// <c>audio [--runs N (5)] [--json]</c>: one loudspeaker bulletin of about 30 seconds — the red rainstorm sample with a
/// short instruction, spoken twice between two 3-second sirens — made the way <see cref="WarningAudio"/> makes it.
/// synthMs is the speech (the espeak-ng process, its WAV read back); encodeMs is tones, mix, normalisation,
/// resampling to 16 and 8 kHz, G.711 μ-law and A-law and the WAV file. One warm-up run, then the median of N.
/// </summary>
internal static class AudioScenario
{
    private const string Instruction = "请立即转移。";

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = BenchArgs.Int(args, "--runs", 5);
        var json = BenchArgs.Flag(args, "--json");
        var unknown = BenchArgs.Unknown(args, ["--json"], ["--runs"]);
        if (runs is not > 0 || unknown.Count > 0)
            return await BenchArgs.UsageAsync("audio", unknown.Count > 0 ? $"audio: unknown option {unknown[0]}" : "audio: --runs must be a positive whole number");

        var options = new AudioOptions();
        var speech = new EspeakSynthesizer(options);
        var availability = await speech.CheckAvailabilityAsync(CancellationToken.None);
        if (!availability.IsAvailable)
        {
            await Console.Error.WriteLineAsync($"audio: {availability.Reason}");
            return 1;
        }

        var script = new BroadcastScriptWriter(BroadcastTemplates.Load(), options).Write(SampleAlert(), "zh-CN", CapStatus.Actual);
        var encoder = new BulletinEncoder(options);
        var synthMs = new List<double>();
        var encodeMs = new List<double>();
        var audioSeconds = 0.0;
        for (var run = 0; run <= runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var spoken = await speech.SynthesizeAsync(new SpeechRequest(script.Text, script.Language), CancellationToken.None);
            var synth = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var clip = encoder.Encode("bench", script.Level, spoken, script.Repeats);
            var encode = clock.Elapsed.TotalMilliseconds;
            audioSeconds = clip.Duration.TotalSeconds;
            if (run > 0)
            {
                synthMs.Add(synth);
                encodeMs.Add(encode);
            }
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                audioSeconds = Math.Round(audioSeconds, 2),
                synthMs = Math.Round(Median(synthMs), 1),
                encodeMs = Math.Round(Median(encodeMs), 1),
            }));
        }
        else
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"audio: {audioSeconds:F1} s bulletin ({script.Text.Length} characters spoken {script.Repeats}x); synth {Median(synthMs):F0} ms, encode {Median(encodeMs):F0} ms (median of {runs}; target <= 300 ms each)"));
        }
        return 0;
    }

    private static CapAlert SampleAlert()
    {
        var xml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "samples", "red-rainstorm.cap.xml"));
        var alert = CapXmlReader.Read(xml).EnsureValid();
        return alert with { Infos = [.. alert.Infos.Select(i => i.Language == "zh-CN" ? i with { Instruction = Instruction } : i)] };
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
