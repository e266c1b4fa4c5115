using System.Globalization;

namespace WarningHub.Channels.Sms.Smpp.Receipts;

/// <summary>Brings submit_sm_resp ids and receipt ids to one textual form, per <see cref="ReceiptIdFormat"/>.</summary>
internal sealed class ReceiptIdNormalizer(ReceiptIdFormat format)
{
    public string FromSubmit(string id) => format switch
    {
        ReceiptIdFormat.DecimalToHex => Reformat(id, NumberStyles.AllowHexSpecifier, "X"),
        ReceiptIdFormat.HexToDecimal => Reformat(id, NumberStyles.None, "D"),
        _ => id,
    };

    public string FromReceipt(string id) => format switch
    {
        ReceiptIdFormat.DecimalToHex => Reformat(id, NumberStyles.None, "X"),
        ReceiptIdFormat.HexToDecimal => Reformat(id, NumberStyles.AllowHexSpecifier, "D"),
        _ => id,
    };

    /// <summary>Ids that are not numbers in the expected base pass through: they may still match as text.</summary>
    private static string Reformat(string id, NumberStyles style, string outputFormat) =>
        UInt128.TryParse(id, style, CultureInfo.InvariantCulture, out var value)
            ? value.ToString(outputFormat, CultureInfo.InvariantCulture)
            : id;
}
