using System.Net;
using System.Net.Sockets;
using System.Text;
using WarningHub.Core.Cap;

namespace WarningHub.Core.Tests.Cap;

/// <summary>Documents a hostile sender could submit. None may be expanded, resolved or fetched.</summary>
public class CapXmlHostileInputTests
{
    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE alert [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&lol9;</identifier></alert>
        """;

    [Fact]
    public void Read_WhenBillionLaughsIsSubmitted_RefusesTheDtdWithoutExpandingIt()
    {
        var result = CapXmlReader.Read(BillionLaughs);

        Assert.Null(result.Alert);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(CapProblem.DocumentPath, problem.Path);
        Assert.Contains("DTD", problem.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("lollol", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenBillionLaughsArrivesAsAStream_IsRefusedTheSameWay()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(BillionLaughs));

        var result = CapXmlReader.Read(stream);

        Assert.Contains("DTD", Assert.Single(result.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenExternalEntityPointsAtALocalFile_NeverReadsIt()
    {
        var secretFile = Path.GetTempFileName();
        try
        {
            File.WriteAllText(secretFile, "SECRET-MARKER-7f3a");
            var xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE alert [ <!ENTITY xxe SYSTEM "{new Uri(secretFile).AbsoluteUri}"> ]>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&xxe;</identifier></alert>
                """;

            var result = CapXmlReader.Read(xml);

            Assert.Null(result.Alert);
            Assert.Contains("DTD", Assert.Single(result.Problems).Reason, StringComparison.Ordinal);
            Assert.DoesNotContain(result.Problems, problem => problem.Reason.Contains("SECRET-MARKER", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(secretFile);
        }
    }

    [Fact]
    public void Read_WhenExternalDtdIsDeclared_NeverConnectsToFetchIt()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE alert SYSTEM "http://127.0.0.1:{port}/evil.dtd">
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</identifier></alert>
                """;

            var result = CapXmlReader.Read(xml);

            Assert.Null(result.Alert);
            Assert.Contains("DTD", Assert.Single(result.Problems).Reason, StringComparison.Ordinal);

            // A connection attempt would sit in the listen backlog even though nothing accepts it.
            Assert.False(listener.Pending());
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public void Read_WhenAnUndeclaredEntityIsReferenced_RefusesIt()
    {
        var xml = """<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&xxe;</identifier></alert>""";

        var result = CapXmlReader.Read(xml);

        Assert.Null(result.Alert);
        Assert.Contains("not well-formed XML", Assert.Single(result.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenPredefinedEntitiesAndCharacterReferencesAreUsed_ExpandsThemNormally()
    {
        var xml = CapXmlReaderTests.Minimal(extraInfo: "<headline>A &amp; B &lt;C&gt; &#x6D66;&#27743;</headline>");

        var result = CapXmlReader.Read(xml);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal("A & B <C> 浦江", result.Alert!.Infos[0].Headline);
    }

    [Fact]
    public void Read_WhenStringExceedsTheSizeLimit_RefusesBeforeParsing()
    {
        var options = new CapReadOptions { MaxDocumentLength = 10_000 };
        var xml = CapXmlReaderTests.Minimal(extraInfo: "<description>" + new string('x', 20_000) + "</description>");

        var result = CapXmlReader.Read(xml, options);

        Assert.Null(result.Alert);
        Assert.Contains("size limit of 10000", Assert.Single(result.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenStreamExceedsTheSizeLimit_RefusesIt()
    {
        var options = new CapReadOptions { MaxDocumentLength = 10_000 };
        var xml = CapXmlReaderTests.Minimal(extraInfo: "<description>" + new string('x', 20_000) + "</description>");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));

        var result = CapXmlReader.Read(stream, options);

        Assert.Null(result.Alert);
        Assert.Contains("size limit", Assert.Single(result.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenEndlessStreamOfWhitespaceArrives_StopsAtTheSizeLimit()
    {
        var options = new CapReadOptions { MaxDocumentLength = 1_000 };
        using var stream = new EndlessStream(Encoding.UTF8.GetBytes(CapXmlReaderTests.Minimal().Replace("</alert>", string.Empty, StringComparison.Ordinal)));

        var result = CapXmlReader.Read(stream, options);

        Assert.Null(result.Alert);
        Assert.Contains("size limit", Assert.Single(result.Problems).Reason, StringComparison.Ordinal);
        Assert.True(stream.BytesServed <= 4 * 1_000 + 64 * 1024, $"read {stream.BytesServed} bytes");
    }

    [Fact]
    public void Read_WhenElementsNestVeryDeeply_RefusesAtTheDepthLimit()
    {
        var depth = 100_000;
        var xml = new StringBuilder(CapXmlReaderTests.Minimal().Replace("</alert>", string.Empty, StringComparison.Ordinal));
        for (var i = 0; i < depth; i++)
        {
            xml.Append("<x>");
        }

        for (var i = 0; i < depth; i++)
        {
            xml.Append("</x>");
        }

        xml.Append("</alert>");

        var result = CapXmlReader.Read(xml.ToString());

        Assert.Null(result.Alert);
        Assert.Contains("nested deeper than 32", Assert.Single(result.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenThousandsOfUnknownElementsArrive_ListsTwoHundredProblemsAndCountsTheRest()
    {
        var noise = string.Concat(Enumerable.Range(0, 1_000).Select(i => $"<junk{i}/>"));
        var xml = CapXmlReaderTests.Minimal(extraAlert: noise);

        var result = CapXmlReader.Read(xml);

        Assert.Equal(201, result.Problems.Count);
        Assert.Equal("800 further problems are not listed", result.Problems[^1].Reason);
    }

    [Fact]
    public void Read_WhenAValueIsHuge_QuotesOnlyItsStartInTheProblem()
    {
        var xml = CapXmlReaderTests.Minimal(sent: new string('9', 100_000));

        var problem = Assert.Single(CapXmlReader.Read(xml).Problems);

        Assert.True(problem.Reason.Length < 200, problem.Reason);
    }

    /// <summary>Serves a prefix, then whitespace for ever, counting what it served.</summary>
    private sealed class EndlessStream(byte[] prefix) : Stream
    {
        public long BytesServed { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => BytesServed;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++)
            {
                buffer[offset + i] = BytesServed + i < prefix.Length ? prefix[BytesServed + i] : (byte)' ';
            }

            BytesServed += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
