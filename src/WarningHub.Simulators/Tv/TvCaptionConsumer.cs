using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace WarningHub.Simulators.Tv;

/// <summary>
/// A caption generator that pulls a channel's feed (<c>.json</c> or <c>.txt</c>) the way stations do: conditional GETs
/// with If-None-Match, keeping what is "on air" until the feed changes.
/// </summary>
public sealed class TvCaptionConsumer(HttpClient http, Uri feedUrl)
{
    private readonly Lock _gate = new();
    private EntityTagHeaderValue? _etag;
    private IReadOnlyList<OnAirCaption> _onAir = [];

    /// <summary>The captions on air now, in feed order.</summary>
    public IReadOnlyList<OnAirCaption> OnAir
    {
        get
        {
            lock (_gate) return _onAir;
        }
    }

    /// <summary>Polls that changed the captions.</summary>
    public int Changes { get; private set; }

    /// <summary>Polls answered 304 Not Modified.</summary>
    public int NotModified { get; private set; }

    /// <summary>The entity tag of the captions on air.</summary>
    public string? ETag => _etag?.Tag;

    /// <summary>One poll; true when the captions changed.</summary>
    public async Task<bool> PollAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, feedUrl);
        if (_etag is not null) request.Headers.IfNoneMatch.Add(_etag);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            NotModified++;
            return false;
        }
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var captions = feedUrl.AbsolutePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? FromJson(body) : FromText(body);
        lock (_gate)
        {
            _etag = response.Headers.ETag;
            var changed = !captions.SequenceEqual(_onAir);
            _onAir = captions;
            if (changed) Changes++;
            return changed;
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds or <paramref name="timeout"/> passes; true when it held.</summary>
    public async Task<bool> PollUntilAsync(Func<IReadOnlyList<OnAirCaption>, bool> condition, TimeSpan timeout, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var every = interval ?? TimeSpan.FromMilliseconds(200);
        var rounds = Math.Max(1, (int)(timeout / every));
        for (var i = 0; i < rounds; i++)
        {
            await PollAsync().ConfigureAwait(false);
            if (condition(OnAir)) return true;
            await Task.Delay(every, TimeProvider.System).ConfigureAwait(false);
        }
        await PollAsync().ConfigureAwait(false);
        return condition(OnAir);
    }

    private static List<OnAirCaption> FromJson(byte[] body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("captions").EnumerateArray()
            .Select(c => new OnAirCaption(c.GetProperty("id").GetString()!, c.GetProperty("caption").GetString()!)).ToList();
    }

    private static List<OnAirCaption> FromText(byte[] body) =>
        Encoding.UTF8.GetString(body).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => new OnAirCaption("", line)).ToList();
}

/// <summary>A caption on air; <see cref="WarningId"/> is empty when read from the text feed, which carries captions only.</summary>
public sealed record OnAirCaption(string WarningId, string Text);
