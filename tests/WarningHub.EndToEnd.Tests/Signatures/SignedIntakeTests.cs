using System.Net;
using System.Text;
using WarningHub.Core.Cap;
using WarningHub.EndToEnd.Tests.Feeds;
using WarningHub.Server.Signatures;

namespace WarningHub.EndToEnd.Tests.Signatures;

/// <summary>
/// Signed CAP through the API (issue 11, item 7): an agency marked "signature required" gets in only with a valid
/// signature of its own key, and its document is served as received, signature intact (it was re-serialised and the
/// signature dropped); what the hub composes itself from JSON it serves signed with its own key.
/// </summary>
public sealed class SignedIntakeTests
{
    [Fact]
    public async Task AnAgencyThatMustSign_IsRefusedWithoutAValidSignature_AndItsSignedCapIsServedAsReceived()
    {
        using var agency = new SigningKeys();
        using var stranger = new SigningKeys("CN=somebody else");
        using var own = new SigningKeys("CN=jingyan hub (test)");
        await using var hub = await TestHub.StartAsync(persons: 200, settings: new Dictionary<string, string?>
        {
            ["WarningHub:Hub:Agencies:0:Certificate"] = agency.CertificatePem,
            ["WarningHub:Hub:Agencies:0:SignatureRequired"] = "true",
            ["WarningHub:Hub:SigningCertificate"] = own.CertificatePem,
            ["WarningHub:Hub:SigningKey"] = own.KeyPem,
        });
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");
        var xml = LiveWarning.Xml(alert);
        var signed = CapSignatureTests.Sign(agency, xml);

        var refusals = new List<(string Case, HttpStatusCode Status, string Body)>();
        foreach (var (name, body, type) in new[]
        {
            ("unsigned", xml, "application/cap+xml"),
            ("wrong key", Encoding.UTF8.GetString(CapSignatureTests.Sign(stranger, xml)), "application/cap+xml"),
            ("tampered", Encoding.UTF8.GetString(Spoil.Replace(signed, "<severity>Extreme</severity>", "<severity>Severe</severity>")), "application/cap+xml"),
            ("json", CapJsonWriter.ToJson(alert), "application/json"),
        })
        {
            using var response = await hub.SubmitRawAsync(body, type);
            refusals.Add((name, response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        Assert.All(refusals, r => Assert.True(r.Status == HttpStatusCode.BadRequest && r.Body.Contains("\"Signature\"", StringComparison.Ordinal), $"{r.Case}: {r.Status} {r.Body}"));
        Assert.Null(await hub.Store().FindAsync(alert.Sender, alert.Identifier, default));

        var id = await AcceptedAsync(hub, Encoding.UTF8.GetString(signed), "application/cap+xml", hub.Http);
        var served = await hub.Http.GetByteArrayAsync(new Uri($"/api/v1/warnings/{id}.cap", UriKind.Relative));
        Assert.Equal(signed, served);
        Assert.Equal(SignatureCheck.Valid, CapSignatureVerifier.Check(served, agency.Certificate));

        // Another agency, not bound to sign, submits JSON: the document the hub composes is signed with the hub's key.
        using var other = hub.Client(TestHub.OtherAgencyKey);
        var fromJson = LiveWarning.Sample("red-rainstorm.cap.xml");
        var jsonId = await AcceptedAsync(hub, CapJsonWriter.ToJson(fromJson), "application/json", other.Http);
        var composed = await other.Http.GetByteArrayAsync(new Uri($"/api/v1/warnings/{jsonId}.cap", UriKind.Relative));
        Assert.Equal(SignatureCheck.Valid, CapSignatureVerifier.Check(composed, own.Certificate));
        Assert.Equal(fromJson.Identifier, CapXmlReader.Read(new MemoryStream(composed)).Alert!.Identifier);
    }

    private static async Task<string> AcceptedAsync(TestHub hub, string body, string type, HttpClient client)
    {
        using var response = await hub.SubmitRawAsync(body, type, client);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{response.StatusCode}: {text}");
        return System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }
}
