using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace WarningHub.Simulators.WeChat;

/// <summary><c>POST /cgi-bin/message/template/send?access_token=ACCESS_TOKEN</c>.</summary>
public sealed partial class WeChatSimulator
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private readonly ConcurrentQueue<SimulatedTemplateMessage> _templateMessages = new();
    private readonly Lock _quotaLock = new();
    private DateTime _quotaDay;
    private int _quotaUsed;

    // Real msgids are large numbers (beyond 2^53 at times): start there, so no client gets away with a double.
    private long _nextMsgId = 3_662_956_322_040_938_000;
    private long _templateRequests;

    /// <summary>Requests to the template endpoint, refused ones included.</summary>
    public long TemplateRequests => Interlocked.Read(ref _templateRequests);

    /// <summary>Template messages accepted, in order of acceptance.</summary>
    public IReadOnlyList<SimulatedTemplateMessage> TemplateMessages => [.. _templateMessages];

    private async Task HandleTemplateSendAsync(HttpContext context)
    {
        Interlocked.Increment(ref _templateRequests);
        if (CheckToken(context.Request.Query["access_token"]) is { } refused)
        {
            await ReplyAsync(context, refused.Code, refused.Message).ConfigureAwait(false);
            return;
        }

        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (!TryParseTemplate(body, out var openId, out var templateId, out var url, out var clientMsgId, out var data))
        {
            await ReplyAsync(context, 47001, "data format error").ConfigureAwait(false);
            return;
        }

        // An openid of another account is no openid here: WeChat answers 40003 for it too.
        var refusal = openId.Length != 28 || !openId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
                || (Options.Followers.Count > 0 && !Options.Followers.Contains(openId)) ? (40003, "invalid openid")
            : Options.TemplateIds.Count > 0 && !Options.TemplateIds.Contains(templateId) ? (40037, "invalid template_id")
            : Options.UnsubscribedOpenIds.Contains(openId) ? (43004, "require subscribe")
            : ((int, string)?)null;
        if (refusal is { } error)
        {
            await ReplyAsync(context, error.Item1, error.Item2).ConfigureAwait(false);
            return;
        }

        // One decision at a time, so two concurrent sends with one client_msg_id cannot both be taken.
        SimulatedTemplateMessage? message = null;
        long? repeatOf;
        lock (_acceptLock)
        {
            repeatOf = RecentRepeat(openId, clientMsgId);
            refusal = repeatOf is not null ? null
                : Chance(Options.BusyRate) ? (-1, "system error")
                : !TakeQuota() ? (45009, "reach max api daily quota limit")
                : null;
            if (repeatOf is null && refusal is null)
            {
                message = new SimulatedTemplateMessage(Interlocked.Increment(ref _nextMsgId), openId, templateId, url, data, Encoding.UTF8.GetString(body), Now)
                {
                    ClientMsgId = clientMsgId,
                };
                Remember(openId, clientMsgId, message.MsgId);
                _templateMessages.Enqueue(message);
            }
        }

        if (repeatOf is { } first)
        {
            Interlocked.Increment(ref _repeatsDropped);
            await ReplyAsync(context, 45065, "clientmsgid exist", w => w.WriteNumber("msgid", first)).ConfigureAwait(false);
            return;
        }

        if (message is null)
        {
            var (code, text) = refusal!.Value;
            await ReplyAsync(context, code, text).ConfigureAwait(false);
            return;
        }

        ScheduleEvent(message);
        if (!LoseAnswer(context))
        {
            await ReplyAsync(context, 0, "ok", w => w.WriteNumber("msgid", message.MsgId)).ConfigureAwait(false);
        }
    }

    /// <summary>Counts one send against the Beijing day's quota; false when it is spent.</summary>
    private bool TakeQuota()
    {
        lock (_quotaLock)
        {
            var day = Now.ToOffset(Beijing).Date;
            if (day != _quotaDay)
            {
                (_quotaDay, _quotaUsed) = (day, 0);
            }

            if (Options.DailyQuota > 0 && _quotaUsed >= Options.DailyQuota)
            {
                return false;
            }

            _quotaUsed++;
            return true;
        }
    }

    /// <summary>Reads the documented shape: touser, template_id, optional url and client_msg_id, data of {"key":{"value":"..."}}.</summary>
    private static bool TryParseTemplate(byte[] body, out string openId, out string templateId, out string? url, out string? clientMsgId,
        out Dictionary<string, string> data)
    {
        (openId, templateId, url, clientMsgId, data) = (string.Empty, string.Empty, null, null, new Dictionary<string, string>(StringComparer.Ordinal));
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("touser", out var touser) || touser.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("template_id", out var template) || template.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("data", out var values) || values.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            if (root.TryGetProperty("url", out var link))
            {
                if (link.ValueKind != JsonValueKind.String)
                {
                    return false;
                }

                url = link.GetString();
            }

            if (root.TryGetProperty("client_msg_id", out var id))
            {
                if (id.ValueKind != JsonValueKind.String || id.GetString() is not { Length: > 0 and <= 64 } value)
                {
                    return false;
                }

                clientMsgId = value;
            }

            foreach (var item in values.EnumerateObject())
            {
                if (item.Value.ValueKind != JsonValueKind.Object || !item.Value.TryGetProperty("value", out var value)
                    || value.ValueKind != JsonValueKind.String)
                {
                    return false;
                }

                data[item.Name] = value.GetString() ?? string.Empty;
            }

            (openId, templateId) = (touser.GetString() ?? string.Empty, template.GetString() ?? string.Empty);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
