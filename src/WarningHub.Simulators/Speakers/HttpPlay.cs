namespace WarningHub.Simulators.Speakers;

/// <summary>One play request the HTTP profile accepted.</summary>
/// <param name="PlayId">The id it answered with (the caller's proposal when given).</param>
/// <param name="Wav">The file played: uploaded, or downloaded from <paramref name="Url"/>.</param>
/// <param name="Url">The clip URL, for URL plays.</param>
public sealed record HttpPlay(string PlayId, byte[]? Wav, string? Url);
