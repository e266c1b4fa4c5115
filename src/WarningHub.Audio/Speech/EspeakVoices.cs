namespace WarningHub.Audio;

/// <summary>Reads the table <c>espeak-ng --voices</c> prints.</summary>
internal static class EspeakVoices
{
    /// <summary>
    /// Every name a voice can be chosen by with <c>-v</c>: the language column (cmn-latn-pinyin), the voice name,
    /// and the file (sit/cmn-Latn-pinyin) with and without its folder. Case is ignored, as espeak-ng ignores it.
    /// </summary>
    public static HashSet<string> Parse(string listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in listing.Split('\n').Skip(1))
        {
            // Pty Language Age/Gender VoiceName File Other-languages
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (columns.Length < 5)
            {
                continue;
            }

            names.Add(columns[1]);
            names.Add(columns[3]);
            names.Add(columns[4]);
            names.Add(columns[4][(columns[4].LastIndexOf('/') + 1)..]);
        }

        return names;
    }
}
