using WarningHub.Abstractions;
using WarningHub.Channels.WeChat.Json;

namespace WarningHub.Channels.WeChat.OfficialAccount;

/// <summary>
/// Builds the body of <c>POST /cgi-bin/message/template/send</c> as WeChat documents it:
/// <c>{"touser":OPENID,"template_id":ID,"url":URL,"data":{"key":{"value":"..."}}}</c>, with <c>url</c> left out when
/// no detail URL is configured and the data keys in ordinal order. <c>color</c> and <c>miniprogram</c> are not sent.
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

        return JsonText.Build(writer =>
        {
            writer.WriteStartObject();
            JsonText.WriteString(writer, "touser", message.Address);
            JsonText.WriteString(writer, "template_id", SelectTemplate(message.Fields));
            if (_options.DetailUrl is { } url)
            {
                JsonText.WriteString(writer, "url", FieldPattern.Render(url, Lookup, escape: true));
            }

            writer.WriteStartObject("data");
            foreach (var (key, pattern) in _fieldMap)
            {
                writer.WriteStartObject(key);
                JsonText.WriteString(writer, "value", TemplateValueLimits.Fit(key, FieldPattern.Render(pattern, Lookup, escape: false)));
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }
}
