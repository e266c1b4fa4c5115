using WarningHub.Core.Registry;

namespace WarningHub.Core.Tests.Registry;

public class MobileOperatorTests
{
    [Theory]
    [InlineData("13800138000", MobileOperator.ChinaMobile)]
    [InlineData("13400000000", MobileOperator.ChinaMobile)]
    [InlineData("14700000000", MobileOperator.ChinaMobile)]
    [InlineData("19800000000", MobileOperator.ChinaMobile)]
    [InlineData("13000000000", MobileOperator.ChinaUnicom)]
    [InlineData("16600000000", MobileOperator.ChinaUnicom)]
    [InlineData("18600000000", MobileOperator.ChinaUnicom)]
    [InlineData("13300000000", MobileOperator.ChinaTelecom)]
    [InlineData("17300000000", MobileOperator.ChinaTelecom)]
    [InlineData("19900000000", MobileOperator.ChinaTelecom)]
    [InlineData("+86 189 0000 0000", MobileOperator.ChinaTelecom)]
    [InlineData("17000000000", MobileOperator.Unknown)]
    [InlineData("19200000000", MobileOperator.Unknown)]
    [InlineData("not a phone", MobileOperator.Unknown)]
    [InlineData(null, MobileOperator.Unknown)]
    public void OperatorOf_RoutesByPrefix(string? phone, MobileOperator expected)
    {
        Assert.Equal(expected, MobileOperators.OperatorOf(phone));
    }

    [Fact]
    public void PrefixLists_DoNotOverlap()
    {
        var all = MobileOperators.ChinaMobilePrefixes
            .Concat(MobileOperators.ChinaUnicomPrefixes)
            .Concat(MobileOperators.ChinaTelecomPrefixes)
            .ToList();

        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void PrefixLists_IncludeEveryPrefixListedInTheDomainNotes()
    {
        int[] mobile = [134, 135, 136, 137, 138, 139, 147, 150, 151, 152, 157, 158, 159, 178, 182, 183, 184, 187, 188, 198];
        int[] unicom = [130, 131, 132, 155, 156, 166, 175, 176, 185, 186];
        int[] telecom = [133, 149, 153, 173, 177, 180, 181, 189, 191, 199];

        Assert.All(mobile, p => Assert.Contains(p, MobileOperators.ChinaMobilePrefixes));
        Assert.All(unicom, p => Assert.Contains(p, MobileOperators.ChinaUnicomPrefixes));
        Assert.All(telecom, p => Assert.Contains(p, MobileOperators.ChinaTelecomPrefixes));
    }
}
