using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace WarningHub.Simulators.WeChat;

/// <summary><c>POST /cgi-bin/webhook/send?key=KEY</c>: WeCom group robots, 20 messages per key per minute.</summary>
public sealed partial class WeChatSimulator
{
    private static readonly TimeSpan RobotWindow = TimeSpan.FromMinutes(1);
    private readonly ConcurrentQueue<SimulatedRobotMessage> _robotMessages = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _robotWindows = new(StringComparer.Ordinal);
    private readonly Lock _robotLock = new();
    private long _robotThrottled;

    /// <summary>Robot messages accepted, in order of acceptance.</summary>
    public IReadOnlyList<SimulatedRobotMessage> RobotMessages => [.. _robotMessages];

    /// <summary>Robot messages refused with 45009 (over 20 per minute).</summary>
    public long RobotThrottled => Interlocked.Read(ref _robotThrottled);

    private async Task HandleRobotSendAsync(HttpContext context)
    {
        var key = context.Request.Query["key"].ToString();
        if (key.Length == 0 || (Options.WeComKeys.Count > 0 && !Options.WeComKeys.Contains(key)))
        {
            await ReplyAsync(context, 93000, "invalid webhook url").ConfigureAwait(false);
            return;
        }

        var raw = Encoding.UTF8.GetString(await ReadBodyAsync(context).ConfigureAwait(false));
        if (HasUnicodeEscape(raw))
        {
            await ReplyAsync(context, 40033, "invalid charset. please check your request, if include \\uxxxx will create fail!").ConfigureAwait(false);
            return;
        }

        var (code, error, msgType, content, mobiles) = ParseRobot(raw);
        if (code != 0)
        {
            await ReplyAsync(context, code, error).ConfigureAwait(false);
            return;
        }

        if (!TakeRobotSlot(key))
        {
            Interlocked.Increment(ref _robotThrottled);
            await ReplyAsync(context, 45009, "api freq out of limit").ConfigureAwait(false);
            return;
        }

        _robotMessages.Enqueue(new SimulatedRobotMessage(key, msgType, content, mobiles, raw, Now));
        await ReplyAsync(context, 0, "ok").ConfigureAwait(false);
    }

    /// <summary>An exact sliding minute per key, kept apart from the adapter's own limiter.</summary>
    private bool TakeRobotSlot(string key)
    {
        lock (_robotLock)
        {
            if (!_robotWindows.TryGetValue(key, out var window))
            {
                _robotWindows[key] = window = new Queue<DateTimeOffset>();
            }

            var now = Now;
            while (window.Count > 0 && now - window.Peek() >= RobotWindow)
            {
                window.Dequeue();
            }

            if (window.Count >= Options.WeComPerKeyPerMinute)
            {
                return false;
            }

            window.Enqueue(now);
            return true;
        }
    }

    private static (int Code, string Error, string MsgType, string Content, List<string> Mobiles) ParseRobot(string raw)
    {
        var mobiles = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(raw);
            var root = document.RootElement;
            var msgType = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("msgtype", out var type) && type.ValueKind == JsonValueKind.String
                ? type.GetString() ?? string.Empty
                : string.Empty;
            if (msgType is not ("text" or "markdown"))
            {
                return (40008, "invalid message type", msgType, string.Empty, mobiles);
            }

            if (!root.TryGetProperty(msgType, out var body) || body.ValueKind != JsonValueKind.Object
                || !body.TryGetProperty("content", out var text) || text.ValueKind != JsonValueKind.String || text.GetString() is not { Length: > 0 } content)
            {
                return (44004, "empty content", msgType, string.Empty, mobiles);
            }

            if (Encoding.UTF8.GetByteCount(content) > (msgType == "text" ? 2048 : 4096))
            {
                return (40058, "content exceed max length", msgType, content, mobiles);
            }

            if (body.TryGetProperty("mentioned_mobile_list", out var list))
            {
                if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(m => m.ValueKind != JsonValueKind.String))
                {
                    return (40058, "invalid mentioned_mobile_list", msgType, content, mobiles);
                }

                mobiles.AddRange(list.EnumerateArray().Select(m => m.GetString() ?? string.Empty));
            }

            return (0, "ok", msgType, content, mobiles);
        }
        catch (JsonException)
        {
            return (40058, "invalid json", string.Empty, string.Empty, mobiles);
        }
    }

    /// <summary>True when a string in the JSON uses a \uXXXX escape (an escaped backslash before a u does not count).</summary>
    private static bool HasUnicodeEscape(string json)
    {
        for (var i = 0; i < json.Length - 1; i++)
        {
            if (json[i] == '\\')
            {
                if (json[i + 1] == 'u')
                {
                    return true;
                }

                i++;
            }
        }

        return false;
    }
}
