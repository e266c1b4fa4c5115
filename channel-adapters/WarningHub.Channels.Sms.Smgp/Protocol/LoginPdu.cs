using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using WarningHub.Channels.Sms.Common.Protocol;

namespace WarningHub.Channels.Sms.Smgp.Protocol;

/// <summary>
/// Login: ClientID (8), AuthenticatorClient (16) = MD5(ClientID + 7 zero octets + shared secret + timestamp as 10
/// digits MMDDhhmmss), LoginMode (1: 0 send, 1 receive, 2 both), TimeStamp (4, the same MMDDhhmmss as a number),
/// ClientVersion (1, 0x30 for 3.0).
/// </summary>
internal sealed record LoginPdu(string ClientId, byte[] Authenticator, byte LoginMode, uint Timestamp, byte ClientVersion) : ISmgpBody
{
    public const byte Transmit = 2;
    public const byte Version30 = 0x30;

    public SmgpCommand Command => SmgpCommand.Login;

    public int BodyLength => 8 + 16 + 1 + 4 + 1;

    public static LoginPdu Create(string clientId, string secret, DateTimeOffset local)
    {
        var timestamp = (uint)((local.Month * 100_000_000) + (local.Day * 1_000_000) + (local.Hour * 10_000) + (local.Minute * 100) + local.Second);
        return new LoginPdu(clientId, Authenticate(clientId, secret, timestamp), Transmit, timestamp, Version30);
    }

    public static byte[] Authenticate(string clientId, string secret, uint timestamp)
    {
        var input = new List<byte>(Encoding.ASCII.GetBytes(clientId));
        input.AddRange(new byte[7]);
        input.AddRange(Encoding.ASCII.GetBytes(secret));
        input.AddRange(Encoding.ASCII.GetBytes(timestamp.ToString("D10", CultureInfo.InvariantCulture)));
#pragma warning disable CA5351 // SMGP 3.0 prescribes MD5 for the login authenticator; the hub has no say in it
        return MD5.HashData(input.ToArray());
#pragma warning restore CA5351
    }

    public void Write(ref FieldWriter writer)
    {
        writer.Text(ClientId, 8, "ClientID");
        writer.Octets(Authenticator);
        writer.UInt8(LoginMode);
        writer.UInt32(Timestamp);
        writer.UInt8(ClientVersion);
    }

    public static LoginPdu Read(ReadOnlySpan<byte> body)
    {
        var r = new FieldReader(body);
        return new LoginPdu(r.Text(8, "ClientID"), r.Octets(16, "AuthenticatorClient").ToArray(), r.UInt8("LoginMode"), r.UInt32("TimeStamp"), r.UInt8("ClientVersion"));
    }
}

/// <summary>Login_Resp: Status (4), AuthenticatorServer (16) = MD5(Status + AuthenticatorClient + shared secret), ServerVersion (1).</summary>
internal sealed record LoginResponsePdu(uint Status, byte[] Authenticator, byte ServerVersion) : ISmgpBody
{
    public SmgpCommand Command => SmgpCommand.LoginResp;

    public int BodyLength => 4 + 16 + 1;

    public static byte[] Authenticate(uint status, byte[] clientAuthenticator, string secret)
    {
        var input = new byte[4 + 16 + Encoding.ASCII.GetByteCount(secret)];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(input, status);
        clientAuthenticator.CopyTo(input, 4);
        Encoding.ASCII.GetBytes(secret).CopyTo(input, 20);
#pragma warning disable CA5351 // prescribed by SMGP 3.0
        return MD5.HashData(input);
#pragma warning restore CA5351
    }

    public void Write(ref FieldWriter writer)
    {
        writer.UInt32(Status);
        writer.Octets(Authenticator);
        writer.UInt8(ServerVersion);
    }

    public static LoginResponsePdu Read(ReadOnlySpan<byte> body)
    {
        var r = new FieldReader(body);
        return new LoginResponsePdu(r.UInt32("Status"), r.Octets(16, "AuthenticatorServer").ToArray(), r.UInt8("ServerVersion"));
    }
}
