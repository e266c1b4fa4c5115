using System.Globalization;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smpp.Protocol;

namespace WarningHub.Channels.Sms.Smpp.Receipts;

/// <summary>
/// Turns a deliver_sm delivery receipt into a <see cref="Receipt"/>. The message id comes from the
/// receipted_message_id TLV, else from the "id:" field of the text (SMPP 3.4 appendix B:
/// "id:IIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E text:..."). The state
/// comes from "stat:", else from the message_state TLV. DELIVRD is Delivered; every other final state is Failed
/// with its word as the code; ENROUTE is not final and is not reported.
/// </summary>
internal sealed class DeliveryReceiptReader(ReceiptIdNormalizer ids, TimeSpan smscUtcOffset)
{
    public const string Delivered = "DELIVRD";

    private static ReadOnlySpan<byte> IdKey => "id:"u8;

    private static ReadOnlySpan<byte> StatKey => "stat:"u8;

    private static ReadOnlySpan<byte> DoneDateKey => "done date:"u8;

    /// <summary>False when the PDU is not a receipt or names no message id; such PDUs are only acknowledged.</summary>
    public bool TryRead(in ShortMessageView view, DateTimeOffset receivedAt, out Receipt? receipt)
    {
        receipt = null;
        if (!view.IsDeliveryReceipt)
        {
            return false;
        }

        string? id = null;
        int? state = null;
        var text = view.ShortMessage;
        var tlvs = new TlvReader(view.TlvSection);
        while (tlvs.MoveNext())
        {
            switch (tlvs.Tag)
            {
                case TlvTag.ReceiptedMessageId:
                    id = TlvReader.CStringValue(tlvs.Value);
                    break;
                case TlvTag.MessageState when tlvs.Value.Length == 1:
                    state = tlvs.Value[0];
                    break;
                case TlvTag.MessagePayload when text.IsEmpty:
                    text = tlvs.Value; // some SMSCs put the receipt text in message_payload
                    break;
            }
        }

        if (string.IsNullOrEmpty(id))
        {
            id = PduReader.Ascii(Field(text, IdKey));
        }

        var stat = PduReader.Ascii(Field(text, StatKey)).ToUpperInvariant();
        if (stat.Length == 0 && state is { } s)
        {
            stat = StateWord(s);
        }

        if (string.IsNullOrEmpty(id) || stat == "ENROUTE")
        {
            return false;
        }

        if (stat.Length == 0)
        {
            stat = "UNKNOWN";
        }

        var at = ParseDoneDate(Field(text, DoneDateKey)) ?? receivedAt;
        receipt = new Receipt(ids.FromReceipt(id), stat == Delivered ? DeliveryStatus.Delivered : DeliveryStatus.Failed, stat, at);
        return true;
    }

    /// <summary>message_state values (SMPP 3.4 section 5.2.28) in the words receipts use.</summary>
    private static string StateWord(int state) => state switch
    {
        1 => "ENROUTE",
        2 => Delivered,
        3 => "EXPIRED",
        4 => "DELETED",
        5 => "UNDELIV",
        6 => "ACCEPTD",
        8 => "REJECTD",
        _ => "UNKNOWN",
    };

    /// <summary>The value after <paramref name="key"/> up to the next space; the key must start a word.</summary>
    private static ReadOnlySpan<byte> Field(ReadOnlySpan<byte> text, ReadOnlySpan<byte> key)
    {
        var searched = 0;
        while (searched < text.Length)
        {
            var found = IndexOfIgnoreCase(text[searched..], key);
            if (found < 0)
            {
                return default;
            }

            var start = searched + found;
            if (start == 0 || text[start - 1] == (byte)' ')
            {
                var value = text[(start + key.Length)..];
                var end = value.IndexOf((byte)' ');
                return end < 0 ? value : value[..end];
            }

            searched = start + 1;
        }

        return default;
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> key)
    {
        for (var i = 0; i + key.Length <= text.Length; i++)
        {
            var match = true;
            for (var j = 0; j < key.Length && match; j++)
            {
                match = (text[i + j] | 0x20) == (key[j] | 0x20) || text[i + j] == key[j];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>YYMMDDhhmm or YYMMDDhhmmss in the SMSC's local time.</summary>
    private DateTimeOffset? ParseDoneDate(ReadOnlySpan<byte> value)
    {
        if (value.Length is not (10 or 12))
        {
            return null;
        }

        Span<char> chars = stackalloc char[12];
        for (var i = 0; i < value.Length; i++)
        {
            chars[i] = (char)value[i];
        }

        var format = value.Length == 10 ? "yyMMddHHmm" : "yyMMddHHmmss";
        return DateTime.TryParseExact(chars[..value.Length], format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, smscUtcOffset).ToUniversalTime()
            : null;
    }
}
