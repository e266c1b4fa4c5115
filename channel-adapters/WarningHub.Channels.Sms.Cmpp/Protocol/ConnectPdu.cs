using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WarningHub.Channels.Sms.Cmpp.Protocol;

/// <summary>
/// CMPP_CONNECT: Source_Addr (6), AuthenticatorSource (16), Version (1), Timestamp (4, the decimal MMDDHHMMSS as an
/// unsigned integer). AuthenticatorSource = MD5(Source_Addr + 9 zero octets + shared secret + timestamp as 10 digits).
/// </summary>
internal sealed record ConnectPdu(string SourceAddr, byte[] Authenticator, byte Version, uint Timestamp) : ICmppBody
{
    public const int SourceAddrLength = 6;
    private const int Length = SourceAddrLength + 16 + 1 + 4;

    public CmppCommand Command => CmppCommand.Connect;

    /// <summary>A CONNECT for <paramref name="sourceAddr"/> at <paramref name="localTime"/> (the ISMG's clock, Beijing time in China).</summary>
    public static ConnectPdu Create(string sourceAddr, string sharedSecret, CmppVersion version, DateTimeOffset localTime)
    {
        var timestamp = TimestampOf(localTime);
        return new ConnectPdu(sourceAddr, Authenticate(sourceAddr, sharedSecret, timestamp), version.Wire, timestamp);
    }

    /// <summary>MMDDHHMMSS as the number CONNECT carries (leading zero of the month dropped, as integers do).</summary>
    public static uint TimestampOf(DateTimeOffset localTime) =>
        uint.Parse(localTime.ToString("MMddHHmmss", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static byte[] Authenticate(string sourceAddr, string sharedSecret, uint timestamp)
    {
        var text = Encoding.ASCII.GetBytes(sourceAddr);
        var secret = Encoding.ASCII.GetBytes(sharedSecret);
        var stamp = Encoding.ASCII.GetBytes(timestamp.ToString("D10", CultureInfo.InvariantCulture));
        var input = new byte[text.Length + 9 + secret.Length + stamp.Length];
        text.CopyTo(input, 0);
        secret.CopyTo(input, text.Length + 9);
        stamp.CopyTo(input, text.Length + 9 + secret.Length);
#pragma warning disable CA5351 // MD5 is what the CMPP specification prescribes for CONNECT; nothing else is accepted
        return MD5.HashData(input);
#pragma warning restore CA5351
    }

    public int BodyLength(CmppVersion version) => Length;

    public void Write(ref CmppWriter writer, CmppVersion version)
    {
        writer.Text(SourceAddr, SourceAddrLength, nameof(SourceAddr));
        writer.Octets(Authenticator);
        writer.UInt8(Version);
        writer.UInt32(Timestamp);
    }

    public static ConnectPdu Read(ReadOnlySpan<byte> body)
    {
        var reader = new CmppReader(body);
        return new ConnectPdu(
            reader.Text(SourceAddrLength, "Source_Addr"),
            reader.Octets(16, "AuthenticatorSource").ToArray(),
            reader.UInt8("Version"),
            reader.UInt32("Timestamp"));
    }
}

/// <summary>
/// CMPP_CONNECT_RESP: Status (1 octet in 2.0, 4 in 3.0), AuthenticatorISMG (16), Version (1).
/// AuthenticatorISMG = MD5(Status + AuthenticatorSource + shared secret), Status in its own width.
/// </summary>
internal sealed record ConnectResponsePdu(uint Status, byte[] Authenticator, byte Version) : ICmppBody
{
    public CmppCommand Command => CmppCommand.ConnectResp;

    public static byte[] Authenticate(uint status, int statusWidth, ReadOnlySpan<byte> sourceAuthenticator, string sharedSecret)
    {
        var secret = Encoding.ASCII.GetBytes(sharedSecret);
        var input = new byte[statusWidth + sourceAuthenticator.Length + secret.Length];
        for (var i = 0; i < statusWidth; i++)
        {
            input[i] = (byte)(status >> (8 * (statusWidth - 1 - i)));
        }

        sourceAuthenticator.CopyTo(input.AsSpan(statusWidth));
        secret.CopyTo(input, statusWidth + sourceAuthenticator.Length);
#pragma warning disable CA5351 // prescribed by the specification, as above
        return MD5.HashData(input);
#pragma warning restore CA5351
    }

    /// <summary>
    /// True when <see cref="Authenticator"/> proves the ISMG knows the secret. In 3.0 gateways differ in whether they
    /// hash Status as 4 octets (as the field is) or as 1; both are accepted.
    /// </summary>
    public bool Proves(ReadOnlySpan<byte> sourceAuthenticator, string sharedSecret, CmppVersion version) =>
        Authenticator.AsSpan().SequenceEqual(Authenticate(Status, version.ResultLength, sourceAuthenticator, sharedSecret))
        || (version.Is30 && Status <= byte.MaxValue && Authenticator.AsSpan().SequenceEqual(Authenticate(Status, 1, sourceAuthenticator, sharedSecret)));

    public int BodyLength(CmppVersion version) => version.ResultLength + 16 + 1;

    public void Write(ref CmppWriter writer, CmppVersion version)
    {
        writer.Result(Status, version);
        writer.Octets(Authenticator);
        writer.UInt8(Version);
    }

    /// <summary>Reads either width: a gateway that speaks only 2.0 answers a 3.0 CONNECT in 2.0's layout (18 octets).</summary>
    public static ConnectResponsePdu Read(ReadOnlySpan<byte> body, CmppVersion version)
    {
        version = body.Length == 18 ? CmppVersion.V20 : body.Length == 21 ? CmppVersion.V30 : version;
        var reader = new CmppReader(body);
        return new ConnectResponsePdu(reader.Result(version, "Status"), reader.Octets(16, "AuthenticatorISMG").ToArray(), reader.UInt8("Version"));
    }
}
