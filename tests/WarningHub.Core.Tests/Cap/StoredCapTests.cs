using System.Text;
using WarningHub.Core.Cap;

namespace WarningHub.Core.Tests.Cap;

/// <summary>
/// Regression: a warning accepted under the size limit whose re-serialised XML grew past it (escaping) was
/// stored, then no longer parsed at release and stayed in Releasing for ever.
/// </summary>
public class StoredCapTests
{
    [Fact]
    public void ReadBack_WhenEscapingGrowsTheXmlPastTheInputLimit_GivesTheAcceptedAlert()
    {
        var xml = CapXmlReaderTests.Minimal(extraInfo: "<description>" + new string('>', 400_000) + "</description>");
        var accepted = CapXmlReader.Read(xml).Alert!;

        var stored = StoredCap.Write(accepted, out var problem);

        Assert.Null(problem);
        Assert.True(stored!.Length > CapReadOptions.Default.MaxDocumentLength, $"stored form is only {stored.Length} characters");
        Assert.Null(CapXmlReader.Read(stored).Alert);
        Assert.Equal(accepted, StoredCap.Read(stored).Alert);
    }

    [Fact]
    public void ReadBack_WhenJsonTextFullOfLessThanSignsIsStored_GivesTheAcceptedAlert()
    {
        var alert = TestAlerts.Alert with { Infos = [TestAlerts.Info with { Description = new string('<', 300_000) }] };
        var json = CapJsonWriter.ToJson(alert, indent: false);
        Assert.True(Encoding.UTF8.GetByteCount(json) < CapReadOptions.Default.MaxDocumentLength);
        var accepted = CapJsonReader.Read(json).Alert!;

        var stored = StoredCap.Write(accepted, out _);

        Assert.True(stored!.Length > CapReadOptions.Default.MaxDocumentLength, $"stored form is only {stored.Length} characters");
        Assert.Equal(accepted, StoredCap.Read(stored).Alert);
    }

    [Fact]
    public void Write_OfEveryElementOfTheModel_ReadsBackEqual()
    {
        var stored = StoredCap.Write(TestAlerts.Everything, out var problem);

        Assert.Null(problem);
        Assert.Equal(TestAlerts.Everything, StoredCap.Read(stored!).Alert);
    }
}
