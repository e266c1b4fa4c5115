using System.Globalization;
using Microsoft.Extensions.Logging;
using RestSharp;
using WarningHub.Abstractions;
using WarningHub.Channels.WeChat.Http;
using WarningHub.Channels.WeChat.Results;
using WarningHub.Channels.WeChat.WeCom;

namespace WarningHub.Channels.WeChat;

/// <summary>Robot sends: <c>POST /cgi-bin/webhook/send?key=KEY</c>.</summary>
public sealed partial class WeComRobots
{
    /// <summary>WeCom counts a robot's messages per minute; after its 45009 the robot rests that long.</summary>
    private static readonly TimeSpan ThrottledPause = TimeSpan.FromMinutes(1);

    /// <summary>The receipt code of a message WeCom took into the group.</summary>
    public const string PostedCode = "POSTED";

    /// <summary>
    /// Sends <see cref="TextMessage.Text"/> to the group of the robot named by <see cref="TextMessage.Address"/>,
    /// mentioning the robot's configured <see cref="WeComRobotOptions.Mentions"/> and then the mobiles in
    /// <see cref="MessageFields.MentionedMobiles"/> (comma-separated; <c>@all</c> mentions everyone).
    /// An accepted result carries an id the adapter made (<c>{robot}-{unix ms}-{sequence}</c>); its receipt is already in
    /// <see cref="Receipts"/>.
    /// </summary>
    public async ValueTask<DeliveryResult> SendAsync(TextMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_robots.TryGetValue(message.Address, out var robot))
        {
            return DeliveryResult.Permanent("unknown-robot", "No robot of that name is configured; nothing was sent.");
        }

        var (json, contentBytes, maxBytes, dropped) = WeComMessageFactory.Build(message, _options.Markdown, robot.Mentions);
        if (dropped.Count > 0)
        {
            _logger.LogWarning("WeCom robot {Robot}: {Count} mention(s) are not mobiles and were left out: {Entries}.", message.Address,
                dropped.Count, string.Join(", ", dropped.Select(PersonalData.Phone)));
        }

        if (contentBytes == 0 || contentBytes > maxBytes)
        {
            return DeliveryResult.Permanent("44004", $"The content is {contentBytes} bytes; a robot takes 1 to {maxBytes}. Nothing was sent.");
        }

        var (acquired, retryAfter) = await robot.Window.AcquireWithinAsync(_options.MaxWait, cancellationToken).ConfigureAwait(false);
        if (!acquired)
        {
            return DeliveryResult.Temporary("rate-limit",
                $"The robot has sent {robot.Window.Limit} messages in the last minute; nothing was sent.", retryAfter);
        }

        var request = new RestRequest("cgi-bin/webhook/send", Method.Post)
            .AddQueryParameter("key", robot.Key)
            .AddStringBody(json, ContentType.Json);
        var answer = await ApiExchange.ExecuteAsync(_client, request, cancellationToken).ConfigureAwait(false);
        var (errorClass, result) = SendAnswers.Interpret(answer, WeComErrorTable.Classify, idField: null, () => ThrottledPause);
        if (errorClass == ErrorClass.Throttled)
        {
            // Someone else (another node, a person's script) shares the robot: rest it as WeCom asks.
            robot.Window.Pause(ThrottledPause);
            result = result with { RetryAfter = ThrottledPause };
            _logger.LogWarning("WeCom robot {Robot}: throttled by WeCom (45009) within our own limit; resting it {Pause}.", message.Address, ThrottledPause);
        }
        else if (result.Outcome != SendOutcome.Accepted)
        {
            _logger.LogDebug("WeCom robot {Robot}: send ended {Outcome} {Code}.", message.Address, result.Outcome, result.ErrorCode);
        }

        return result.Outcome == SendOutcome.Accepted ? Posted(message.Address) : result;
    }

    /// <summary>errcode 0: the message is in the group. That answer is the receipt; it goes out before the result.</summary>
    private DeliveryResult Posted(string robot)
    {
        var at = _time.GetUtcNow();
        var id = string.Create(CultureInfo.InvariantCulture, $"{robot}-{at.ToUnixTimeMilliseconds()}-{Interlocked.Increment(ref _sequence)}");
        _receipts.Writer.TryWrite(new Receipt(id, DeliveryStatus.Delivered, PostedCode, at));
        return DeliveryResult.Accepted([id]);
    }
}
