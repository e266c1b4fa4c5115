using System.Text;
using WarningHub.Core.Cap;

namespace WarningHub.Core.Tests.Cap;

/// <summary>Regression: undecodable JSON text answered 500 with a stack trace instead of naming the field.</summary>
public class CapJsonDecodingTests
{
    private static string Json(string headlineLiteral) =>
        CapJsonWriter.ToJson(TestAlerts.Alert, indent: false).Replace("\"井研县气象台发布暴雨红色预警信号\"", headlineLiteral, StringComparison.Ordinal);

    private static CapReadResult ReadBytes(byte[] utf8)
    {
        using var stream = new MemoryStream(utf8);
        return CapJsonReader.Read(stream);
    }

    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"before \\udc00 after\"")]
    [InlineData("\"\\ud800\\u0041\"")]
    public void Read_WhenAStringHoldsALoneSurrogateEscape_NamesTheField(string literal)
    {
        var result = ReadBytes(Encoding.UTF8.GetBytes(Json(literal)));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("info[0].headline", problem.Path);
        Assert.Contains("lone surrogate", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenAStringHoldsInvalidUtf8_NamesTheField()
    {
        var bytes = Encoding.UTF8.GetBytes(Json("\"XX\"")).ToList();
        var at = IndexOf(bytes, "\"XX\"") + 1;
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;

        var result = ReadBytes([.. bytes]);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("info[0].headline", problem.Path);
        Assert.Contains("not UTF-8", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenAPropertyNameIsUndecodable_NamesItsObject()
    {
        var json = CapJsonWriter.ToJson(TestAlerts.Alert, indent: false).Replace("\"headline\"", "\"head\\ud800\"", StringComparison.Ordinal);

        var problem = Assert.Single(CapJsonReader.Read(json).Problems);

        Assert.Equal("info[0]", problem.Path);
        Assert.Contains("property name", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenTheStreamStartsWithAByteOrderMark_ReadsTheAlert()
    {
        var json = Encoding.UTF8.GetBytes(CapJsonWriter.ToJson(TestAlerts.Alert));

        var result = ReadBytes([0xEF, 0xBB, 0xBF, .. json]);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal(TestAlerts.Alert, result.Alert);
    }

    [Fact]
    public void Read_WhenTheStringStartsWithAByteOrderMark_ReadsTheAlert()
    {
        var result = CapJsonReader.Read("\uFEFF" + CapJsonWriter.ToJson(TestAlerts.Alert));

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
    }

    [Fact]
    public void Read_WhenAStringArgumentHoldsALoneSurrogate_RefusesInsteadOfReplacingIt()
    {
        var result = CapJsonReader.Read(Json("\"a\ud800b\""));

        Assert.Null(result.Alert);
        Assert.Contains("lone surrogate", Assert.Single(result.Problems).Reason, StringComparison.Ordinal);
    }

    private static int IndexOf(List<byte> bytes, string ascii)
    {
        var needle = Encoding.ASCII.GetBytes(ascii);
        for (var i = 0; i + needle.Length <= bytes.Count; i++)
        {
            if (needle.Select((b, j) => bytes[i + j] == b).All(x => x))
            {
                return i;
            }
        }

        throw new InvalidOperationException(ascii + " not found");
    }
}
