using Microsoft.Extensions.Options;

namespace WarningHub.Channels.Sms.Smpp;

/// <summary>Checks <see cref="SmppOptions"/> at start-up and reports every problem at once, naming each property.</summary>
public sealed class SmppOptionsValidator : IValidateOptions<SmppOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SmppOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Fail(string property, string problem) => failures.Add($"SMPP gateway '{name}': {property} {problem}");

        if (string.IsNullOrWhiteSpace(options.Host))
        {
            Fail(nameof(options.Host), "is required.");
        }

        if (options.Port is < 1 or > 65535)
        {
            Fail(nameof(options.Port), "must be between 1 and 65535.");
        }

        CheckText(options.SystemId, 15, required: true, nameof(options.SystemId), Fail);
        CheckText(options.Password, 8, required: false, nameof(options.Password), Fail);
        CheckText(options.SystemType, 12, required: false, nameof(options.SystemType), Fail);
        CheckText(options.SourceAddress, 20, required: false, nameof(options.SourceAddress), Fail);
        CheckText(options.ServiceType, 5, required: false, nameof(options.ServiceType), Fail);

        if (!Enum.IsDefined(options.BindMode))
        {
            Fail(nameof(options.BindMode), "must be Transceiver or Transmitter.");
        }

        if (!Enum.IsDefined(options.ReceiptIdFormat))
        {
            Fail(nameof(options.ReceiptIdFormat), "must be AsIs, HexToDecimal or DecimalToHex.");
        }

        CheckRange(options.Binds, 1, 64, nameof(options.Binds), Fail);
        CheckRange(options.Window, 1, 10_000, nameof(options.Window), Fail);
        CheckRange(options.RateLimitPerSecond, 0, 1_000_000, nameof(options.RateLimitPerSecond), Fail);
        CheckRange(options.MaxParts, 1, 255, nameof(options.MaxParts), Fail);
        CheckRange(options.ThrottleMaxAttempts, 1, 10_000, nameof(options.ThrottleMaxAttempts), Fail);
        CheckRange(options.SourceTon, 0, 6, nameof(options.SourceTon), Fail);
        CheckRange(options.DestinationTon, 0, 6, nameof(options.DestinationTon), Fail);
        CheckRange(options.SourceNpi, 0, 18, nameof(options.SourceNpi), Fail);
        CheckRange(options.DestinationNpi, 0, 18, nameof(options.DestinationNpi), Fail);
        CheckRange(options.RegisteredDelivery, 0, 0x1F, nameof(options.RegisteredDelivery), Fail);

        CheckPositive(options.ConnectTimeout, nameof(options.ConnectTimeout), Fail);
        CheckPositive(options.EnquireLinkInterval, nameof(options.EnquireLinkInterval), Fail);
        CheckPositive(options.ResponseTimeout, nameof(options.ResponseTimeout), Fail);
        CheckPositive(options.ReconnectMin, nameof(options.ReconnectMin), Fail);
        CheckPositive(options.ReconnectMax, nameof(options.ReconnectMax), Fail);
        CheckPositive(options.ThrottlePause, nameof(options.ThrottlePause), Fail);
        if (options.ReconnectMax < options.ReconnectMin)
        {
            Fail(nameof(options.ReconnectMax), $"must not be shorter than {nameof(options.ReconnectMin)}.");
        }

        CheckPositive(options.ResendMemoryTtl, nameof(options.ResendMemoryTtl), Fail);
        if (options.ConcatenationReferenceBits is not (8 or 16))
        {
            Fail(nameof(options.ConcatenationReferenceBits), "must be 8 or 16.");
        }

        if (options.ThrottleMaxWait < TimeSpan.Zero)
        {
            Fail(nameof(options.ThrottleMaxWait), "must not be negative.");
        }

        if (options.SmscUtcOffset < TimeSpan.FromHours(-14) || options.SmscUtcOffset > TimeSpan.FromHours(14))
        {
            Fail(nameof(options.SmscUtcOffset), "must be between -14 and +14 hours.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckText(string? value, int maxLength, bool required, string property, Action<string, string> fail)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                fail(property, "is required.");
            }

            return;
        }

        if (value.Length > maxLength)
        {
            fail(property, $"must be at most {maxLength} characters (SMPP 3.4).");
        }

        if (value.Any(c => c is < ' ' or > '~'))
        {
            fail(property, "must be printable ASCII.");
        }
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
