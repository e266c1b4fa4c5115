using WarningHub.Abstractions;

namespace WarningHub.Core.Tests.Registry;

public sealed class PersonalDataTests
{
    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData("8613812341234", "861****1234")]
    [InlineData("1234567", "*******")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Phone_KeepsAtMostTheFirstThreeAndLastFourCharacters(string? phone, string expected) =>
        Assert.Equal(expected, PersonalData.Phone(phone));

    [Theory]
    [InlineData("oia2Tj3Xx9sQkLmN0pQrxG8Q", "oia2****xG8Q")]
    [InlineData("abcdefgh", "********")]
    [InlineData(null, "")]
    public void OpenId_KeepsTheFirstAndLastFourCharacters(string? openId, string expected) =>
        Assert.Equal(expected, PersonalData.OpenId(openId));
}
