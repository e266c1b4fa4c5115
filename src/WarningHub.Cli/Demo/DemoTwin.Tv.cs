using System.Net;
using System.Security.Cryptography;
using WarningHub.Simulators.Tv;

namespace WarningHub.Cli.Demo;

/// <summary>
/// TV: two channels pushed to one simulated station, whose caption operator confirms each caption on air; a caption
/// generator pulls the first channel's feed as stations without a push do.
/// </summary>
internal sealed partial class DemoTwin
{
    private static readonly (string Name, int MaxLength)[] TvChannels = [("jytv", 40), ("cable", 120)];
    private readonly Dictionary<string, string> _tvSecrets = TvChannels.ToDictionary(c => c.Name, _ => RandomNumberGenerator.GetHexString(24, lowercase: true));
    private readonly HashSet<string> _onAirConfirmed = new(StringComparer.Ordinal);
    private TvStationSimulator? _station;
    private TvCaptionConsumer? _captions;

    /// <summary>The channel whose pull feed the caption generator reads.</summary>
    public static string PulledTvChannel => TvChannels[0].Name;

    /// <summary>What the pulling caption generator shows now.</summary>
    public IReadOnlyList<OnAirCaption> CaptionsOnAir => _captions?.OnAir ?? [];

    /// <summary>Captions pushed to the station, and those its operator confirmed on air.</summary>
    public (int Pushed, int Confirmed) TvFigures => (_station?.Pushes.Count ?? 0, _onAirConfirmed.Count);

    private async Task StartTvAsync(CancellationToken cancellationToken)
    {
        _station = new TvStationSimulator();
        await _station.StartAsync(cancellationToken);
    }

    private Dictionary<string, string?> TvSettings()
    {
        var station = _station ?? throw new InvalidOperationException("The TV station is not started.");
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < TvChannels.Length; i++)
        {
            var (name, maxLength) = TvChannels[i];
            settings[$"WarningHub:Tv:Channels:{i}:Name"] = name;
            settings[$"WarningHub:Tv:Channels:{i}:MaxLength"] = maxLength.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings[$"WarningHub:Tv:Channels:{i}:PushUrl"] = station.PushUrl.ToString();
            settings[$"WarningHub:Tv:Channels:{i}:CallbackSecret"] = _tvSecrets[name];
        }
        return settings;
    }

    private void ConnectTv(Uri hub) => _captions = new TvCaptionConsumer(_people, new Uri(hub, $"/api/v1/feeds/tv/{PulledTvChannel}.json"));

    /// <summary>The station's operator: every caption the station took is confirmed on air; the generator polls its feed.</summary>
    private async Task ConfirmCaptionsAsync(CancellationToken cancellationToken)
    {
        if (_station is null || _hub is null) return;
        foreach (var push in _station.Pushes.Where(p => p.Answer == StationBehaviour.Accept && !_onAirConfirmed.Contains(p.StationId)))
        {
            var callback = new Uri(_hub, $"/api/v1/callbacks/tv/{push.Channel}");
            if (await TvStationSimulator.ConfirmAsync(_people, callback, _tvSecrets[push.Channel], push.StationId, cancellationToken: cancellationToken) == HttpStatusCode.Accepted)
            {
                _onAirConfirmed.Add(push.StationId);
            }
        }
        if (_captions is not null) await _captions.PollAsync(cancellationToken);
    }

    private async Task DisposeTvAsync()
    {
        if (_station is not null) await _station.DisposeAsync();
    }
}
