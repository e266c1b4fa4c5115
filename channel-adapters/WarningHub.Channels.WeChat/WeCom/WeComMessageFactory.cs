using System.Text;
using WarningHub.Abstractions;
using WarningHub.Channels.WeChat.Json;
using WarningHub.Channels.WeChat.OfficialAccount;

namespace WarningHub.Channels.WeChat.WeCom;

/// <summary>
/// Builds the body of <c>POST /cgi-bin/webhook/send?key=KEY</c> as WeCom documents it for group robots:
/// <c>{"msgtype":"text","text":{"content":"...","mentioned_mobile_list":["138..."]}}</c> or
/// <c>{"msgtype":"markdown","markdown":{"content":"..."}}</c>. Markdown cannot mention by mobile, so a message with
/// mobiles goes as text even when markdown is configured.
/// </summary>
internal static class WeComMessageFactory
{
    /// <summary>WeCom's limits on content, in UTF-8 bytes.</summary>
    public const int MaxTextBytes = 2048;
    public const int MaxMarkdownBytes = 4096;

    /// <param name="message">The message; its <see cref="MessageFields.MentionedMobiles"/> are mentioned too.</param>
    /// <param name="markdown">Send markdown when nobody is to be mentioned.</param>
    /// <param name="configuredMentions">The robot's own mentions (<see cref="WeComRobotOptions.Mentions"/>), mentioned first.</param>
    public static (string Json, int ContentBytes, int MaxBytes, IReadOnlyList<string> Dropped) Build(TextMessage message, bool markdown,
        IReadOnlyList<string>? configuredMentions = null)
    {
        var (mobiles, dropped) = RobotMentions.Of(configuredMentions ?? [], message.Fields);
        var asMarkdown = markdown && mobiles.Count == 0;
        var content = Content(message, asMarkdown);
        var json = JsonText.Build(writer =>
        {
            writer.WriteStartObject();
            JsonText.WriteString(writer, "msgtype", asMarkdown ? "markdown" : "text");
            writer.WriteStartObject(asMarkdown ? "markdown" : "text");
            JsonText.WriteString(writer, "content", content);
            if (mobiles.Count > 0)
            {
                writer.WriteStartArray("mentioned_mobile_list");
                foreach (var mobile in mobiles)
                {
                    JsonText.WriteStringValue(writer, mobile);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        });
        return (json, Encoding.UTF8.GetByteCount(content), asMarkdown ? MaxMarkdownBytes : MaxTextBytes, dropped);
    }

    /// <summary>The text with the Test/Exercise mark in front unless it already carries it; markdown puts the headline in bold first.</summary>
    private static string Content(TextMessage message, bool markdown)
    {
        var mark = StatusMark.For(message.Fields);
        var prefix = mark.Length > 0 && !message.Text.Contains(mark, StringComparison.Ordinal) ? mark : string.Empty;
        if (markdown && message.Fields.TryGetValue(MessageFields.Headline, out var headline) && headline.Length > 0
            && !message.Text.Contains(headline, StringComparison.Ordinal))
        {
            return $"**{prefix}{headline}**\n{message.Text}";
        }

        return prefix + message.Text;
    }
}
