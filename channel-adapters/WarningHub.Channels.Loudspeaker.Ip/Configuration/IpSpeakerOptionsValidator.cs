using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace WarningHub.Channels.Loudspeaker.Ip;

/// <summary>Checks <see cref="IpSpeakerOptions"/> at start-up and reports every problem at once, naming each property.</summary>
public sealed class IpSpeakerOptionsValidator : IValidateOptions<IpSpeakerOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, IpSpeakerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Fail(string property, string problem) => failures.Add($"IP speaker network '{name}': {property} {problem}");

        if (!IPAddress.TryParse(options.LocalAddress, out var local) || local.AddressFamily != AddressFamily.InterNetwork)
        {
            Fail(nameof(options.LocalAddress), "must be an IPv4 address such as 0.0.0.0.");
        }

        if (options.MulticastInterface is not null
            && (!IPAddress.TryParse(options.MulticastInterface, out var mif) || mif.AddressFamily != AddressFamily.InterNetwork))
        {
            Fail(nameof(options.MulticastInterface), "must be an IPv4 address of a local interface, or absent.");
        }

        CheckRange(options.HeartbeatPort, 0, 65535, nameof(options.HeartbeatPort), Fail);
        CheckRange(options.MaxConcurrentStreams, 1, 100_000, nameof(options.MaxConcurrentStreams), Fail);
        CheckRange(options.DefaultMulticastTtl, 0, 255, nameof(options.DefaultMulticastTtl), Fail);
        if (options.DefaultPayloadType is not (0 or 8))
        {
            Fail(nameof(options.DefaultPayloadType), "must be 0 (PCMU) or 8 (PCMA).");
        }

        var ms = options.PacketTime.TotalMilliseconds;
        if (ms < 10 || ms > 60 || options.PacketTime.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            Fail(nameof(options.PacketTime), "must be whole milliseconds from 10 to 60.");
        }

        if (options.JitterBufferLead < TimeSpan.Zero || options.JitterBufferLead > TimeSpan.FromSeconds(1))
        {
            Fail(nameof(options.JitterBufferLead), "must be from zero to 1 second.");
        }

        CheckPositive(options.OfflineAfter, nameof(options.OfflineAfter), Fail);
        CheckPositive(options.HttpTimeout, nameof(options.HttpTimeout), Fail);
        CheckPositive(options.HttpStatusTimeout, nameof(options.HttpStatusTimeout), Fail);
        CheckPositive(options.HttpStatusPollInterval, nameof(options.HttpStatusPollInterval), Fail);
        CheckPositive(options.PlayConfirmationGrace, nameof(options.PlayConfirmationGrace), Fail);

        if (!Enum.IsDefined(options.HttpClipDelivery))
        {
            Fail(nameof(options.HttpClipDelivery), "must be Upload or Url.");
        }

        var hasBase = Uri.TryCreate(options.ClipBaseUrl, UriKind.Absolute, out var clipBase)
            && (clipBase.Scheme == Uri.UriSchemeHttp || clipBase.Scheme == Uri.UriSchemeHttps);
        if (options.ClipBaseUrl is not null && !hasBase)
        {
            Fail(nameof(options.ClipBaseUrl), "must be an absolute http or https URL.");
        }
        else if (options.HttpClipDelivery == HttpClipDelivery.Url && !hasBase)
        {
            Fail(nameof(options.ClipBaseUrl), $"is required when {nameof(options.HttpClipDelivery)} is Url.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckRange(int value, int min, int max, string property, Action<string, string> fail)
    {
        if (value < min || value > max)
        {
            fail(property, $"must be between {min} and {max}.");
        }
    }

    private static void CheckPositive(TimeSpan value, string property, Action<string, string> fail)
    {
        if (value <= TimeSpan.Zero)
        {
            fail(property, "must be positive.");
        }
    }
}
