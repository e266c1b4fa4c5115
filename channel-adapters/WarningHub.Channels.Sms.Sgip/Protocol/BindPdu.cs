using WarningHub.Channels.Sms.Common.Protocol;

namespace WarningHub.Channels.Sms.Sgip.Protocol;

/// <summary>
/// Bind: Login Type (1: the SP connects to the SMG; 2: the SMG connects to the SP), Login Name (16), Login Password
/// (16), Reserve (8).
/// </summary>
internal sealed record BindPdu(byte LoginType, string LoginName, string LoginPassword) : ISgipBody
{
    public const byte SpToSmg = 1;
    public const byte SmgToSp = 2;

    public SgipCommand Command => SgipCommand.Bind;

    public int BodyLength => 1 + 16 + 16 + 8;

    public void Write(ref FieldWriter writer)
    {
        writer.UInt8(LoginType);
        writer.Text(LoginName, 16, "Login Name");
        writer.Text(LoginPassword, 16, "Login Password");
        writer.Zeros(8);
    }

    public static BindPdu Read(ReadOnlySpan<byte> body)
    {
        var r = new FieldReader(body);
        var pdu = new BindPdu(r.UInt8("Login Type"), r.Text(16, "Login Name"), r.Text(16, "Login Password"));
        r.Octets(8, "Reserve");
        return pdu;
    }
}
