using NAudio.Wave;
using WarningHub.Abstractions;

namespace WarningHub.Audio;

/// <summary>
/// Finished bulletins on disk, one file per encoding: <c>&lt;clip id&gt;.wav</c>, <c>.ulaw</c>, <c>.alaw</c>. Files
/// are written under a temporary name and renamed, so a crash never leaves a half-written file under the real name.
/// </summary>
internal sealed class BulletinFolder(string folder)
{
    private static readonly (AudioFormat Format, string Extension)[] Files =
        [(AudioFormat.WavPcm16k, ".wav"), (AudioFormat.MuLaw8k, ".ulaw"), (AudioFormat.ALaw8k, ".alaw")];

    /// <summary>The clip, when all its files are there and the WAV file reads; null otherwise.</summary>
    public async Task<AudioClip?> TryLoadAsync(string clipId, CancellationToken cancellationToken)
    {
        var encodings = new Dictionary<AudioFormat, ReadOnlyMemory<byte>>();
        foreach (var (format, extension) in Files)
        {
            var path = Path.Combine(folder, clipId + extension);
            if (!File.Exists(path))
            {
                return null;
            }

            encodings[format] = await File.ReadAllBytesAsync(path, cancellationToken);
        }

        try
        {
            using var wav = new WaveFileReader(new MemoryStream(encodings[AudioFormat.WavPcm16k].ToArray()));
            return new AudioClip(clipId, wav.TotalTime, encodings);
        }
        catch (FormatException)
        {
            return null; // damaged: made again and overwritten
        }
    }

    public async Task SaveAsync(AudioClip clip, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        foreach (var (format, extension) in Files)
        {
            var path = Path.Combine(folder, clip.Id + extension);
            var partial = path + ".partial";
            await File.WriteAllBytesAsync(partial, clip.Encodings[format], cancellationToken);
            File.Move(partial, path, overwrite: true);
        }
    }
}
