namespace WarningHub.Audio;

/// <summary>How bulletins for loudspeakers are made. Checked at start-up by <see cref="AudioOptionsValidator"/>.</summary>
public sealed class AudioOptions
{
    /// <summary>Which speech engine speaks the script: <c>espeak-ng</c>, <c>http</c> or <c>none</c>. <value>espeak-ng.</value></summary>
    public string SpeechEngine { get; set; } = SpeechEngines.EspeakNg;

    /// <summary>The espeak-ng program: a name looked up on PATH, or a full path. <value>espeak-ng.</value></summary>
    public string EspeakPath { get; set; } = "espeak-ng";

    /// <summary>
    /// The espeak-ng voice for Chinese scripts. <c>cmn-latn-pinyin</c> reads Chinese characters as Mandarin;
    /// plain <c>cmn</c> misreads them. <value>cmn-latn-pinyin.</value>
    /// </summary>
    public string Voice { get; set; } = "cmn-latn-pinyin";

    /// <summary>The espeak-ng voice for scripts in any other language (the English templates). <value>en-us.</value></summary>
    public string EnglishVoice { get; set; } = "en-us";

    /// <summary>
    /// Speaking rate in words per minute (espeak-ng <c>-s</c>), 80 to 450.
    /// <value>150, a little slower than espeak-ng's 175, for outdoor loudspeakers.</value>
    /// </summary>
    public int Rate { get; set; } = 150;

    /// <summary>The HTTP text-to-speech service, required when <see cref="SpeechEngine"/> is <c>http</c>. <value>None.</value></summary>
    public string? HttpTtsUrl { get; set; }

    /// <summary>Sent verbatim as the <c>Authorization</c> header to the HTTP service, if set. <value>None.</value></summary>
    public string? HttpTtsAuthorization { get; set; }

    /// <summary>Longest wait for one synthesis (process or HTTP request). <value>30 seconds.</value></summary>
    public TimeSpan SpeechTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times the script is spoken in one bulletin, 1 to 10. <value>2.</value></summary>
    public int Repeats { get; set; } = 2;

    /// <summary>Silence between two repeats, at most 10 seconds. <value>1.5 seconds.</value></summary>
    public TimeSpan RepeatPause { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Peak level of the finished bulletin in dBFS, -30 to 0. <value>-1 dBFS.</value></summary>
    public double TargetPeakDbfs { get; set; } = -1.0;

    /// <summary>
    /// Peak of the alert tones relative to the speech peak, in dB, -30 to 0. Steady tones sound louder than speech
    /// at the same peak, so they sit a little lower. <value>-4 dB.</value>
    /// </summary>
    public double ToneLevelDb { get; set; } = -4.0;

    /// <summary>
    /// A folder holding <c>broadcast.&lt;language&gt;.json</c> files that replace the built-in templates of the same
    /// language (see config/templates/README.md). <value>None: the built-in templates.</value>
    /// </summary>
    public string? TemplateFolder { get; set; }

    /// <summary>A folder where finished bulletins are kept, so a restart does not synthesise them again. <value>None: memory only.</value></summary>
    public string? CacheFolder { get; set; }

    /// <summary>Most bulletins kept in memory; the least recently used goes first. <value>32.</value></summary>
    public int MaxCachedBulletins { get; set; } = 32;

    /// <summary>
    /// How long a bulletin whose speech failed (tones only) is reused before synthesis is tried again.
    /// Such bulletins are never written to <see cref="CacheFolder"/>. <value>1 minute.</value>
    /// </summary>
    public TimeSpan DegradedRetryAfter { get; set; } = TimeSpan.FromMinutes(1);
}
