using WarningHub.Core.Registry;

namespace WarningHub.Core.Tests.Registry;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("13800138000")]
    [InlineData("+86 138-0013-8000")]
    [InlineData("+8613800138000")]
    [InlineData("8613800138000")]
    [InlineData("008613800138000")]
    [InlineData("138 0013 8000")]
    [InlineData(" (138) 0013.8000 ")]
    public void Normalize_CommonWritings_GiveElevenDigits(string input)
    {
        Assert.Equal("13800138000", PhoneNumber.Normalize(input));
    }

    [Theory]
    [InlineData("1380013800", "has 10 digits, expected 11")]
    [InlineData("138001380001", "has 12 digits, expected 11")]
    [InlineData("02884561234", "is not a mainland mobile number (mobile numbers start 13-19)")]
    [InlineData("12800138000", "is not a mainland mobile number (mobile numbers start 13-19)")]
    [InlineData("+1 415 555 0100", "has an international prefix other than +86")]
    [InlineData("138-0013-800O", "contains a character that is not a digit or a separator")]
    [InlineData("", "is empty")]
    [InlineData("   ", "is empty")]
    public void TryNormalize_NotAMobileNumber_FailsWithAReason(string input, string reason)
    {
        Assert.False(PhoneNumber.TryNormalize(input, out var normalized, out var actual));
        Assert.Null(normalized);
        Assert.Equal(reason, actual);
    }

    [Fact]
    public void Normalize_Invalid_ThrowsWithoutEchoingTheNumber()
    {
        var error = Assert.Throws<FormatException>(() => PhoneNumber.Normalize("1380013800"));

        Assert.DoesNotContain("1380013800", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("13800138000", "138****8000")]
    [InlineData("18912345678", "189****5678")]
    [InlineData("8613800138000", "861****8000")]
    [InlineData("12345", "*****")]
    [InlineData(null, "(none)")]
    [InlineData("", "(none)")]
    public void Mask_HidesTheMiddleDigits(string? phone, string masked)
    {
        Assert.Equal(masked, PhoneNumber.Mask(phone));
    }

    [Theory]
    [InlineData("13800138000", true)]
    [InlineData("+8613800138000", false)]
    [InlineData("1380013800a", false)]
    [InlineData(null, false)]
    public void IsNormalized_AcceptsOnlyElevenDigitMobileNumbers(string? phone, bool expected)
    {
        Assert.Equal(expected, PhoneNumber.IsNormalized(phone));
    }
}
