namespace WarningHub.Channels.Sms.Cmpp.Text;

/// <summary>Phone numbers are personal data: logs show 138****1234, never the whole number.</summary>
internal static class PhoneMask
{
    public static string Mask(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return string.Empty;
        }

        if (address.Length <= 4)
        {
            return new string('*', address.Length);
        }

        var keepStart = Math.Min(3, address.Length - 4);
        return string.Concat(address.AsSpan(0, keepStart), "****", address.AsSpan(address.Length - 4));
    }
}
