using WarningHub.Channels.Sms.Smpp.Protocol;
using WarningHub.Channels.Sms.Smpp.Text;

namespace WarningHub.Simulators.Smsc;

/// <summary>Puts concatenated parts back together (by destination and reference), as a handset would.</summary>
internal sealed class MessageAssembler
{
    private readonly Dictionary<(string Destination, int Reference), PartialMessage> _partial = [];
    private readonly Lock _lock = new();

    /// <summary>Adds one accepted part; returns the message when it is complete (a single part is complete at once).</summary>
    public SimulatedMessage? Add(in ShortMessageView view, string messageId)
    {
        var destination = PduReader.Ascii(view.DestinationAddress);
        var payload = view.ShortMessage;
        var concatenation = Concatenation.None;
        int reference = 0, total = 1, sequence = 1;
        if (view.HasUdh && UserDataHeader.TryReadConcatenation(view.ShortMessage, out reference, out total, out sequence, out payload))
        {
            concatenation = Concatenation.UserDataHeader;
        }
        else if (TryReadSar(view.TlvSection, out reference, out total, out sequence))
        {
            concatenation = Concatenation.SarTlvs;
        }

        var text = SegmentedText.Decode(view.DataCoding, payload);
        if (concatenation == Concatenation.None || total <= 1)
        {
            return new SimulatedMessage(destination, text, view.DataCoding, concatenation, [messageId]);
        }

        lock (_lock)
        {
            if (!_partial.TryGetValue((destination, reference), out var partial) || partial.Texts.Length != total)
            {
                partial = new PartialMessage(new string?[total], new string?[total]);
                _partial[(destination, reference)] = partial;
            }

            if (sequence < 1 || sequence > total)
            {
                return null;
            }

            partial.Texts[sequence - 1] = text;
            partial.Ids[sequence - 1] = messageId;
            if (partial.Texts.Any(t => t is null))
            {
                return null;
            }

            _partial.Remove((destination, reference));
            return new SimulatedMessage(destination, string.Concat(partial.Texts), view.DataCoding, concatenation, [.. partial.Ids!]);
        }
    }

    private static bool TryReadSar(ReadOnlySpan<byte> tlvSection, out int reference, out int total, out int sequence)
    {
        reference = 0;
        total = 0;
        sequence = 0;
        var tlvs = new TlvReader(tlvSection);
        while (tlvs.MoveNext())
        {
            switch (tlvs.Tag)
            {
                case TlvTag.SarMessageReference:
                    reference = TlvReader.IntegerValue(tlvs.Value);
                    break;
                case TlvTag.SarTotalSegments:
                    total = TlvReader.IntegerValue(tlvs.Value);
                    break;
                case TlvTag.SarSegmentSequence:
                    sequence = TlvReader.IntegerValue(tlvs.Value);
                    break;
            }
        }

        return total > 0 && sequence > 0;
    }

    private sealed record PartialMessage(string?[] Texts, string?[] Ids);
}
