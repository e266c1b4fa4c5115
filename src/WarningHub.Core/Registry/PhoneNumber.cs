using System.Diagnostics.CodeAnalysis;

namespace WarningHub.Core.Registry;

/// <summary>
/// Mainland China mobile numbers: normalised to 11 digits starting 13-19 ("13800138000"), and masked for logs.
/// Reasons never echo the number, so they are safe to log.
/// </summary>
public static class PhoneNumber
{
    /// <summary>Digits in a normalised number.</summary>
    public const int Length = 11;

    /// <summary>
    /// Normalises "+86 138-0013-8000", "0086 13800138000", "8613800138000" or "138 0013 8000" to "13800138000".
    /// Spaces, hyphens, dots and parentheses are ignored.
    /// </summary>
    /// <exception cref="FormatException">Not a mobile number; the message says why without repeating it.</exception>
    public static string Normalize(string? input)
    {
        return TryNormalize(input, out var normalized, out var reason)
            ? normalized
            : throw new FormatException(reason);
    }

    /// <summary>Normalises like <see cref="Normalize"/>; false when the input is not a mobile number.</summary>
    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? normalized) =>
        TryNormalize(input, out normalized, out _);

    /// <summary>Normalises like <see cref="Normalize"/>; on failure <paramref name="reason"/> says why.</summary>
    public static bool TryNormalize(
        string? input, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? reason)
    {
        normalized = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            reason = "is empty";
            return false;
        }

        // An 11-digit number needs at most 15 characters of digits ("0086" + 11); separators are skipped.
        Span<char> digits = stackalloc char[16];
        var count = 0;
        var text = input.AsSpan().Trim();
        var start = 0;
        if (text.StartsWith('+'))
        {
            start = 1;
        }

        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    reason = "has too many digits for a mobile number (expected 11)";
                    return false;
                }

                digits[count++] = c;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                reason = "contains a character that is not a digit or a separator";
                return false;
            }
        }

        ReadOnlySpan<char> national = digits[..count];
        if (start == 1)
        {
            if (!national.StartsWith("86"))
            {
                reason = "has an international prefix other than +86";
                return false;
            }

            national = national[2..];
        }
        else if (national.Length == Length + 4 && national.StartsWith("0086"))
        {
            national = national[4..];
        }
        else if (national.Length == Length + 2 && national.StartsWith("86"))
        {
            national = national[2..];
        }

        if (national.Length != Length)
        {
            reason = $"has {national.Length} digits, expected 11";
            return false;
        }

        if (national[0] != '1' || national[1] < '3')
        {
            reason = "is not a mainland mobile number (mobile numbers start 13-19)";
            return false;
        }

        normalized = new string(national);
        reason = null;
        return true;
    }

    /// <summary>True when <paramref name="phone"/> is already in normalised form.</summary>
    public static bool IsNormalized(string? phone)
    {
        if (phone is not { Length: Length } || phone[0] != '1' || phone[1] < '3')
        {
            return false;
        }

        foreach (var c in phone)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Masks a number for messages about the registry: <see cref="Abstractions.PersonalData.Phone"/> ("13800138000"
    /// gives "138****8000"), and "(none)" for null or empty so a missing number is still visible as such.
    /// </summary>
    public static string Mask(string? phone) => string.IsNullOrEmpty(phone) ? "(none)" : Abstractions.PersonalData.Phone(phone);
}
