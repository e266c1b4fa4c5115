using System.Net;
using RestSharp;

namespace WarningHub.Audio;

/// <summary>
/// Speaks through an HTTP text-to-speech service: <c>POST {HttpTtsUrl}</c> with the JSON body
/// <c>{"text": "...", "language": "zh-CN", "rate": 150}</c> and <c>Accept: audio/wav</c>; the answer is a WAV file
/// (PCM or float, mono or stereo, any rate). Any other answer is a <see cref="SpeechException"/>.
/// </summary>
public sealed class HttpSpeechSynthesizer : ISpeechSynthesizer, IDisposable
{
    private readonly AudioOptions options;
    private readonly RestClient client;

    /// <summary>Creates the synthesizer for <see cref="AudioOptions.HttpTtsUrl"/>.</summary>
    public HttpSpeechSynthesizer(AudioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        var url = new Uri(options.HttpTtsUrl ?? throw new ArgumentException("HttpTtsUrl is required.", nameof(options)));
        client = new RestClient(new RestClientOptions(url) { Timeout = options.SpeechTimeout, ThrowOnAnyError = false });
        Profile = $"{SpeechEngines.Http}/{url.GetLeftPart(UriPartial.Path)}/{options.Rate}";
    }

    /// <inheritdoc />
    public string Profile { get; }

    /// <summary>
    /// Always available once configured: a service is not probed ahead, because a probe that passes says little
    /// about the next request. A failing request makes that one bulletin tones only, retried later.
    /// </summary>
    public ValueTask<SpeechAvailability> CheckAvailabilityAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(SpeechAvailability.Available);

    /// <inheritdoc />
    public async Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var post = new RestRequest(string.Empty, Method.Post)
            .AddHeader("Accept", "audio/wav")
            .AddJsonBody(new SpeechServiceRequest(request.Text, request.Language, options.Rate));
        if (!string.IsNullOrEmpty(options.HttpTtsAuthorization))
        {
            post.AddHeader("Authorization", options.HttpTtsAuthorization);
        }

        var response = await client.ExecuteAsync(post, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        // RestSharp marks an HTTP error status as ResponseStatus.Error too: a status code means the service answered.
        if (response.StatusCode == 0)
        {
            var problem = $"the text-to-speech service did not answer ({response.ResponseStatus}): {response.ErrorMessage}";
            throw response.ErrorException is { } cause ? new SpeechException(problem, cause) : new SpeechException(problem);
        }

        if (response.StatusCode != HttpStatusCode.OK || response.RawBytes is not { Length: > 0 } wav)
        {
            throw new SpeechException($"the text-to-speech service answered {(int)response.StatusCode} "
                + $"{response.StatusDescription} with {response.RawBytes?.Length ?? 0} bytes.");
        }

        return WavDecoding.Decode(wav, "the text-to-speech service");
    }

    /// <inheritdoc />
    public void Dispose() => client.Dispose();

    private sealed record SpeechServiceRequest(string Text, string Language, int Rate);
}
