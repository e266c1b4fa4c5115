using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WarningHub.Channels.WeChat.OfficialAccount;

/// <summary>
/// The template send's <c>client_msg_id</c> (防重入id): WeChat sends one message per openid and client_msg_id within 10
/// minutes and answers a repeat without sending it. The id is stable per ledger slot — <c>wh</c>, the slot's
/// <see cref="WarningHub.Abstractions.TextMessage.Reference"/> and a digest of the rendered message — so when the
/// engine resends a slot whose answer was lost, WeChat drops the second copy. The digest keeps two ledgers that share
/// an account (a test hub beside the county's) from silencing each other's different messages that happen to carry
/// the same slot number. At most 3 + 19 + 17 ASCII characters, well under WeChat's 64 bytes.
/// </summary>
internal static class ClientMsgId
{
    public static string For(long reference, string renderedMessage)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(renderedMessage), digest);
        return string.Create(CultureInfo.InvariantCulture, $"wh{reference}-{Convert.ToHexStringLower(digest[..8])}");
    }
}
