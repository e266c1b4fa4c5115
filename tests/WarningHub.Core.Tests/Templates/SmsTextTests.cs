using WarningHub.Core.Cap;
using WarningHub.Core.Templates;

namespace WarningHub.Core.Tests.Templates;

public sealed class SmsTextTests
{
    private const string Signature = "【井研县应急管理局】";

    [Fact]
    public void Compose_Actual_StartsWithTheSignatureAndHeadline()
    {
        var text = SmsText.Compose(Signature, CapStatus.Actual, "井研县气象台发布暴雨红色预警信号", "立即转移");

        Assert.Equal("【井研县应急管理局】井研县气象台发布暴雨红色预警信号：立即转移", text);
    }

    [Theory]
    [InlineData(CapStatus.Exercise, "演练")]
    [InlineData(CapStatus.Test, "测试")]
    [InlineData(CapStatus.System, "测试")]
    [InlineData(CapStatus.Draft, "测试")]
    public void Compose_NonActual_IsVisiblyMarked(CapStatus status, string marker)
    {
        var text = SmsText.Compose(Signature, status, "暴雨红色预警", null);

        Assert.StartsWith(Signature + "【" + marker, text, StringComparison.Ordinal);
        Assert.Contains("非真实预警", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_LongInstruction_IsShortenedNeverTheHeadline()
    {
        var text = SmsText.Compose(Signature, CapStatus.Actual, "暴雨红色预警", new string('转', 1000));

        Assert.Equal(SmsText.MaxLength, text.Length);
        Assert.Contains("暴雨红色预警", text, StringComparison.Ordinal);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }
}
