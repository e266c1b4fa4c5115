using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;

namespace WarningHub.Channels.TvCrawl;

/// <summary>What became of an on-air confirmation.</summary>
public enum OnAirConfirmation
{
    /// <summary>Turned into a receipt.</summary>
    Recorded,

    /// <summary>No such channel.</summary>
    UnknownChannel,

    /// <summary>Wrong or missing secret, or the channel takes no confirmations (no secret configured).</summary>
    Refused,

    /// <summary>The id is empty or longer than 128 characters.</summary>
    Invalid,

    /// <summary>Too many receipts wait to be recorded; the station should try again.</summary>
    Busy,
}

public sealed partial class TvCrawlAdapter
{
    /// <summary>
    /// A station says the caption it accepted under <paramref name="stationId"/> is on air (or will not be).
    /// The secret is compared in constant time. Web hosts map their callback endpoint onto this.
    /// </summary>
    public OnAirConfirmation Confirm(string channel, string? presentedSecret, string? stationId, bool onAir)
    {
        var options = _options.Find(channel ?? "");
        if (options is null) return OnAirConfirmation.UnknownChannel;
        if (options.CallbackSecret is null || presentedSecret is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presentedSecret), Encoding.UTF8.GetBytes(options.CallbackSecret)))
        {
            _logger.LogWarning("On-air confirmation for TV channel {Channel} refused: wrong or missing secret", options.Name);
            return OnAirConfirmation.Refused;
        }
        if (string.IsNullOrWhiteSpace(stationId) || stationId.Length > 128) return OnAirConfirmation.Invalid;
        var receipt = new Receipt(ProviderIdOf(options.Name, stationId),
            onAir ? DeliveryStatus.Delivered : DeliveryStatus.Failed, onAir ? "ONAIR" : "NOTAIRED", _time.GetUtcNow());
        return _receipts.Writer.TryWrite(receipt) ? OnAirConfirmation.Recorded : OnAirConfirmation.Busy;
    }
}
