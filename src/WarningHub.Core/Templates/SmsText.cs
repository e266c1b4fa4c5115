using System.Text;
using WarningHub.Core.Cap;

namespace WarningHub.Core.Templates;

/// <summary>
/// The SMS of a warning: signature, a visible marker for Test and Exercise, headline, instruction. Capped so a
/// message never exceeds <see cref="MaxLength"/> characters (four UCS-2 parts): the instruction is shortened,
/// never the headline.
/// </summary>
public static class SmsText
{
    public const int MaxLength = 4 * 67;

    /// <summary>
    /// The parts of a text when no gateway can say (it has no <c>ISendCapacity</c>): UCS-2, 70 characters alone or 67
    /// per concatenated part. Chinese texts are UCS-2, so this is exact for them.
    /// </summary>
    /// <param name="text">The text of one message.</param>
    public static int EstimateParts(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= 70 ? 1 : (text.Length + 66) / 67;
    }

    public static string Compose(string signature, CapStatus capStatus, string headline, string? instruction, int maxLength = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(headline);
        var marker = capStatus switch
        {
            CapStatus.Actual => "",
            CapStatus.Exercise => "【演练】【非真实预警】",
            _ => "【测试，非真实预警】",
        };
        var text = new StringBuilder(maxLength);
        text.Append(signature).Append(marker).Append(headline.Trim());
        if (!string.IsNullOrWhiteSpace(instruction))
        {
            var room = maxLength - text.Length - 1;
            var body = instruction.Trim();
            if (room > 1)
            {
                text.Append('：');
                text.Append(body.Length <= room ? body : string.Concat(body.AsSpan(0, room - 1), "…"));
            }
        }
        return text.Length <= maxLength ? text.ToString() : text.ToString(0, maxLength);
    }
}
