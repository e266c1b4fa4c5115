namespace WarningHub.Channels.Sms.Smpp.Protocol;

/// <summary>A PDU body that can write itself into the writer loop's batch buffer.</summary>
internal interface IPduBody
{
    /// <summary>An upper bound of the encoded body length, so the writer knows whether the batch has room.</summary>
    int MaxEncodedLength { get; }

    void Write(ref PduWriter writer);
}

/// <summary>C-octet string limits from SMPP 3.4 section 4, NUL included.</summary>
internal static class FieldLimits
{
    public const int SystemId = 16;
    public const int Password = 9;
    public const int SystemType = 13;
    public const int AddressRange = 41;
    public const int ServiceType = 6;
    public const int Address = 21;
    public const int Time = 17;
    public const int MessageId = 65;
    public const int ShortMessage = 254;

    /// <summary>Throws when <paramref name="value"/> is not ASCII or does not fit <paramref name="maxWithNul"/>.</summary>
    public static void CheckCString(string? value, int maxWithNul, string field)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > maxWithNul - 1)
        {
            throw new ArgumentException($"{field} is {value.Length} characters; SMPP allows {maxWithNul - 1}.", field);
        }

        foreach (var c in value)
        {
            if (c is < ' ' or > '~')
            {
                throw new ArgumentException($"{field} must be printable ASCII.", field);
            }
        }
    }
}
