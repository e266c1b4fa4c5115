using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using WarningHub.Core.Acknowledgements;
using WarningHub.Core.Cap;
using WarningHub.Core.Templates;
using WarningHub.Core.Warnings;

namespace WarningHub.Engine.Acknowledgements;

/// <summary>
/// The texts of 叫应: the call, the reminder and the list of silent names. Each starts with the signature and, for
/// drills and tests, 【演练】 or 【测试】; each fits <see cref="SmsText.MaxLength"/>, shortening the headline or the
/// list, never the link or the reply code.
/// </summary>
public sealed class AcknowledgementTexts(AcknowledgementLinks links, IOptions<EngineOptions> options)
{
    public string Call(WarningRecord warning, Acknowledgement call) => Compose(warning, "【叫应】",
        string.Create(CultureInfo.InvariantCulture,
            $"{call.Name}：请在{Minutes(call.Deadline)}内回复1或“收到”确认，或打开链接点“收到”：{links.UrlOf(warning.PublicId, call.OfficerId)}"));

    public string Reminder(WarningRecord warning, Acknowledgement call) => Compose(warning, "【叫应提醒】",
        string.Create(CultureInfo.InvariantCulture,
            $"{call.Name}：您尚未确认收到，请立即回复1或“收到”，或打开链接点“收到”：{links.UrlOf(warning.PublicId, call.OfficerId)}"));

    /// <summary>To the next tier: who has not answered, with their regions' names, as many as fit.</summary>
    public string Silent(WarningRecord warning, IReadOnlyList<(Acknowledgement Call, string Regions)> silent, TimeSpan waited)
    {
        ArgumentNullException.ThrowIfNull(silent);
        var head = string.Create(CultureInfo.InvariantCulture, $"以下{silent.Count}人{Minutes(waited)}内未确认收到，请督促：");
        var room = SmsText.MaxLength - Prefix(warning, "【叫应未回复】").Length - Math.Min(warning.Headline.Length, 40) - 1 - head.Length;
        var names = new StringBuilder();
        for (var i = 0; i < silent.Count; i++)
        {
            var entry = (i > 0 ? "、" : "") + silent[i].Call.Name + (silent[i].Regions.Length > 0 ? "（" + silent[i].Regions + "）" : "");
            var rest = string.Create(CultureInfo.InvariantCulture, $"等{silent.Count}人");
            if (names.Length + entry.Length + rest.Length > room && i > 0)
            {
                names.Append(rest);
                break;
            }

            names.Append(entry);
        }

        return Compose(warning, "【叫应未回复】", head + names);
    }

    private string Compose(WarningRecord warning, string kind, string body)
    {
        var prefix = Prefix(warning, kind);
        var headlineRoom = SmsText.MaxLength - prefix.Length - body.Length - 1;
        var headline = warning.Headline.Trim();
        if (headline.Length > headlineRoom) headline = headlineRoom > 1 ? headline[..(headlineRoom - 1)] + "…" : "";
        var text = prefix + headline + (headline.Length > 0 ? "。" : "") + body;
        return text.Length <= SmsText.MaxLength ? text : text[..SmsText.MaxLength];
    }

    private string Prefix(WarningRecord warning, string kind) => options.Value.SmsSignature + warning.CapStatus switch
    {
        CapStatus.Actual => "",
        CapStatus.Exercise => "【演练】",
        _ => "【测试】",
    } + kind;

    private static string Minutes(TimeSpan span) => span >= TimeSpan.FromMinutes(1)
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Round(span.TotalMinutes, 1)}分钟")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(span.TotalSeconds)}秒");
}
