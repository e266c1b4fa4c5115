using System.Text;

namespace WarningHub.Channels.Loudspeaker.Serial.Tts;

/// <summary>
/// Cuts a script into pieces that each fit one synthesis frame, preferring to cut after a sentence (。！？；…), then
/// after a clause (，、：, a space), and only as a last resort between two characters; a character (or surrogate pair)
/// is never cut. Closing quotes and brackets stay with the sentence they close. Pieces are packed greedily, so a
/// frame carries as many whole sentences as fit. Joining the pieces gives back the text, less whitespace-only pieces.
/// </summary>
internal static class TtsScriptSplitter
{
    private const string SentenceEnds = "。！？；!?;\n…";
    private const string ClauseEnds = "，、：,: \u3000";
    private const string Closers = "”’\"'」』）)】》";

    /// <param name="text">The script, already checked to be encodable.</param>
    /// <param name="codec">Counts bytes as the module will receive them.</param>
    /// <param name="maxBytes">Most text bytes per frame; at least 4 so that any one character fits.</param>
    public static IReadOnlyList<string> Split(string text, TtsTextCodec codec, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 4);
        var packer = new Packer(codec, maxBytes);
        foreach (var sentence in Cut(text, SentenceEnds))
        {
            packer.Add(sentence, level: 0);
        }

        return packer.Finish();
    }

    /// <summary>Cuts after every character in <paramref name="ends"/>, keeping closers and whitespace that follow it.</summary>
    internal static IEnumerable<string> Cut(string text, string ends)
    {
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (ends.Contains(text[i], StringComparison.Ordinal))
            {
                i++;
                while (i < text.Length && (Closers.Contains(text[i], StringComparison.Ordinal) || char.IsWhiteSpace(text[i])))
                {
                    i++;
                }

                yield return text[start..i];
                start = i;
                continue;
            }

            i++;
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    private static IEnumerable<string> Characters(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            yield return rune.ToString();
        }
    }

    private sealed class Packer(TtsTextCodec codec, int maxBytes)
    {
        private readonly List<string> _pieces = [];
        private readonly StringBuilder _current = new();
        private int _currentBytes;

        public void Add(string piece, int level)
        {
            var bytes = codec.ByteCount(piece);
            if (bytes > maxBytes)
            {
                var smaller = level == 0 ? Cut(piece, ClauseEnds) : Characters(piece);
                foreach (var part in smaller)
                {
                    Add(part, level + 1);
                }

                return;
            }

            if (_currentBytes + bytes > maxBytes)
            {
                Flush();
            }

            _current.Append(piece);
            _currentBytes += bytes;
        }

        public List<string> Finish()
        {
            Flush();
            return _pieces;
        }

        private void Flush()
        {
            if (_current.Length > 0 && !string.IsNullOrWhiteSpace(_current.ToString()))
            {
                _pieces.Add(_current.ToString());
            }

            _current.Clear();
            _currentBytes = 0;
        }
    }
}
