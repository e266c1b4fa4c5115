namespace WarningHub.FaultBattery.Carriers;

/// <summary>
/// One submit as a simulated gateway received it, whatever the protocol: to whom, which part of which concatenated
/// message, whether the gateway took it (so the phone gets it) and when it arrived.
/// </summary>
/// <param name="Phone">The 11-digit number, without a country code.</param>
/// <param name="Accepted">The gateway answered success: the part goes to the phone, whether or not the answer reached the hub.</param>
/// <param name="Reference">The concatenation reference of the UDH; -1 for a single message.</param>
/// <param name="Total">Parts of the message; 1 for a single message.</param>
/// <param name="Seq">This part's number, from 1.</param>
/// <param name="At">When the gateway received it.</param>
public sealed record SubmitRecord(string Phone, bool Accepted, int Reference, int Total, int Seq, DateTimeOffset At)
{
    /// <summary>Reads the concatenation header (TP-UDHI set): information element 00 (8-bit reference) or 08 (16-bit).</summary>
    public static SubmitRecord From(string number, bool accepted, int tpUdhi, byte[] content, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(content);
        var phone = number.Length == 13 && number.StartsWith("86", StringComparison.Ordinal) ? number[2..]
            : number.StartsWith("+86", StringComparison.Ordinal) ? number[3..]
            : number;
        if (tpUdhi == 1 && content.Length > 0)
        {
            var end = Math.Min(content.Length, 1 + content[0]);
            for (var i = 1; i + 1 < end;)
            {
                int iei = content[i], length = content[i + 1];
                if (iei == 0x00 && length == 3 && i + 4 < end + 1) return new(phone, accepted, content[i + 2], content[i + 3], content[i + 4], at);
                if (iei == 0x08 && length == 4 && i + 5 < end + 1) return new(phone, accepted, (content[i + 2] << 8) | content[i + 3], content[i + 4], content[i + 5], at);
                i += 2 + length;
            }
        }

        return new(phone, accepted, -1, 1, 1, at);
    }
}
