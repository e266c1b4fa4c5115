using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RestSharp;
using WarningHub.Abstractions;
using WarningHub.Channels.WeChat.Flow;
using WarningHub.Channels.WeChat.Http;
using WarningHub.Channels.WeChat.WeCom;

namespace WarningHub.Channels.WeChat;

/// <summary>
/// WeCom (企业微信) group robots: one webhook per officers' group, addressed by the robot's configured name, which is
/// the 12-digit code of the town whose officers are in the group (the planner plans one slot per town robot from
/// <see cref="Addresses"/>). Each robot
/// sends at most <see cref="WeComRobotOptions.PerRobotPerMinute"/> messages in any sliding minute (exact; never
/// exceeded); a send that would have to wait longer than <see cref="WeComRobotOptions.MaxWait"/> fails temporarily with
/// RetryAfter. The webhook gives no message id and no receipt: its errcode 0 (the message is in the group) is the only
/// confirmation there will ever be, so the adapter names the post itself and publishes that answer as a
/// <see cref="Receipt"/> at once, as serial loudspeakers do with "played". Without it the slot would wait out the
/// engine's receipt window and end Unconfirmed although WeCom took it. Sending is in WeComRobots.Send.cs.
/// </summary>
public sealed partial class WeComRobots : ITextSender, IReceiptSource, IFixedAddresses, IDisposable
{
    /// <summary>The ledger channel this adapter serves.</summary>
    public const string ChannelName = "wecom";

    private readonly WeComRobotOptions _options;
    private readonly ILogger _logger;
    private readonly RestClient _client;
    private readonly Dictionary<string, Robot> _robots;
    private readonly TimeProvider _time;
    private readonly Channel<Receipt> _receipts = Channel.CreateUnbounded<Receipt>(
        new UnboundedChannelOptions { SingleWriter = false, SingleReader = false, AllowSynchronousContinuations = false });
    private long _sequence;

    /// <summary>Creates the adapter.</summary>
    /// <param name="options">Validated options (see <see cref="WeComRobotOptionsValidator"/>).</param>
    /// <param name="time">The clock of the per-robot windows.</param>
    /// <param name="loggerFactory">Logging; robot keys are never written, mobiles are masked.</param>
    public WeComRobots(WeComRobotOptions options, TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var clock = time ?? TimeProvider.System;
        _time = clock;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<WeComRobots>();
        _client = ApiExchange.CreateClient(options.ApiBase, options.RequestTimeout);
        _robots = options.Robots.ToDictionary(
            r => r.Key,
            r => new Robot(r.Value, new SlidingWindowLimiter(options.PerRobotPerMinute, TimeSpan.FromMinutes(1), clock),
                options.Mentions.TryGetValue(r.Key, out var mentions) ? mentions.ToArray() : []),
            StringComparer.Ordinal);
        Addresses = [.. _robots.Keys.Order(StringComparer.Ordinal)];
        Definition = new ChannelDefinition(
            ChannelName,
            ChannelName,
            MaxTextLength: (options.Markdown ? WeComMessageFactory.MaxMarkdownBytes : WeComMessageFactory.MaxTextBytes) / 3,
            SupportsReceipts: true,
            MaxInFlight: Math.Max(1, _robots.Count) * 2)
        {
            Settings = new Dictionary<string, string>
            {
                [nameof(WeComRobotOptions.ApiBase)] = "WeCom API base URL",
                [nameof(WeComRobotOptions.Robots)] = "town code (robot name) → webhook key (secret)",
                [nameof(WeComRobotOptions.PerRobotPerMinute)] = "most messages per robot per sliding minute (≤ 20)",
                [nameof(WeComRobotOptions.Mentions)] = "town code (robot name) → mobiles to @-mention, or @all",
                [nameof(WeComRobotOptions.Markdown)] = "send markdown unless mobiles are mentioned",
                [nameof(WeComRobotOptions.MaxWait)] = "longest wait for a robot's window before failing temporarily",
            },
        };
    }

    /// <inheritdoc />
    public ChannelDefinition Definition { get; }

    /// <summary>The configured robots' names (town codes), in ordinal order.</summary>
    public IReadOnlyList<string> Addresses { get; }

    /// <summary>One <see cref="DeliveryStatus.Delivered"/> receipt (code <c>POSTED</c>) per message WeCom took, written as the send returns.</summary>
    public ChannelReader<Receipt> Receipts => _receipts.Reader;

    /// <summary>Releases the HTTP client and ends <see cref="Receipts"/>.</summary>
    public void Dispose()
    {
        _receipts.Writer.TryComplete();
        _client.Dispose();
        foreach (var robot in _robots.Values)
        {
            robot.Window.Dispose();
        }
    }

    /// <summary>One robot: its webhook key (a credential), its own sliding minute and whom it always mentions.</summary>
    private sealed record Robot(string Key, SlidingWindowLimiter Window, IReadOnlyList<string> Mentions);
}
