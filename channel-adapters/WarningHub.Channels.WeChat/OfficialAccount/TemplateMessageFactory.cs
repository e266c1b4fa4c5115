using WarningHub.Abstractions;
using WarningHub.Channels.WeChat.Json;

namespace WarningHub.Channels.WeChat.OfficialAccount;

/// <summary>
/// Builds the body of <c>POST /cgi-bin/message/template/send</c> as WeChat documents it:
/// <c>{"touser":OPENID,"template_id":ID,"url":URL,"data":{"key":{"value":"..."}}}</c>, with <c>url</c> left out when
/// no detail URL is configured, <c>client_msg_id</c> stable per ledger slot (see <see cref="ClientMsgId"/>) and the data
/// keys in ordinal order. <c>color</c> and <c>miniprogram</c> are not sent.
/// </summary>
internal sealed class TemplateMessageFactory
{
    private readonly WeChatOfficialAccountOptions _options;
    private readonly KeyValuePair<string, string>[] _fieldMap;

    public TemplateMessageFactory(WeChatOfficialAccountOptions options)
    {
        _options = options;
        _fieldMap = [.. options.FieldMap.OrderBy(f => f.Key, StringComparer.Ordinal)];
    }

    /// <summary>The template for a warning: <c>event/level</c>, then <c>event</c>, then <c>*/level</c>, then the default.</summary>
    public string SelectTemplate(IReadOnlyDictionary<string, string> fields)
    {
        fields.TryGetValue(MessageFields.Event, out var eventName);
        fields.TryGetValue(MessageFields.Level, out var level);
        string?[] keys =
        [
            eventName is null || level is null ? null : $"{eventName}/{level}",
            eventName,
            level is null ? null : $"*/{level}",
        ];
        foreach (var key in keys)
        {
            if (key is not null && _options.Templates.TryGetValue(key, out var id))
            {
                return id;
            }
        }

        return _options.DefaultTemplateId;
    }

    public string Build(TextMessage message)
    {
        var mark = StatusMark.For(message.Fields);
        string Lookup(string name) => name switch
        {
            "text" => message.Text,
            "statusMark" => mark,
            _ => message.Fields.TryGetValue(name, out var value) ? value : string.Empty,
        };

        var templateId = SelectTemplate(message.Fields);
        var url = _options.DetailUrl is { } pattern ? FieldPattern.Render(pattern, Lookup, escape: true) : null;
        var data = _fieldMap.Select(f => (f.Key, Value: TemplateValueLimits.Fit(f.Key, FieldPattern.Render(f.Value, Lookup, escape: false)))).ToList();
        var clientMsgId = ClientMsgId.For(message.Reference, string.Join('\n', [message.Address, templateId, url ?? string.Empty, .. data.Select(d => $"{d.Key}={d.Value}")]));

        return JsonText.Build(writer =>
        {
            writer.WriteStartObject();
            JsonText.WriteString(writer, "touser", message.Address);
            JsonText.WriteString(writer, "template_id", templateId);
            if (url is not null)
            {
                JsonText.WriteString(writer, "url", url);
            }

            JsonText.WriteString(writer, "client_msg_id", clientMsgId);
            writer.WriteStartObject("data");
            foreach (var (key, value) in data)
            {
                writer.WriteStartObject(key);
                JsonText.WriteString(writer, "value", value);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }
}
