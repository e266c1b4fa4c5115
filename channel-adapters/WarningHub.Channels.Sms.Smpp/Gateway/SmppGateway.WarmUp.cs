using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smpp.Text;
using WarningHub.Channels.Sms.Smpp.Transport;

namespace WarningHub.Channels.Sms.Smpp;

public sealed partial class SmppGateway : IWarmUp
{
    /// <summary>A Chinese text long enough for two UCS-2 parts, and a GSM-7 one: both encoders, UDH and the PDU writer run.</summary>
    private static readonly string[] WarmUpTexts =
    [
        "【预警】县气象台发布暴雨红色预警信号：过去3小时降雨量已达100毫米以上且降雨将持续，请立即转移到安全地带，远离河道、山洪沟和地质灾害隐患点，听从村组干部指挥。",
        "Rainstorm warning, level red: move to safe ground now.",
    ];

    /// <summary>Encodes sample messages into a scratch buffer: nothing is queued, nothing reaches a socket.</summary>
    public ValueTask WarmUpAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        foreach (var sample in WarmUpTexts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = _parts.Segment(Signature.Apply(sample, _options.Signature));
            foreach (var part in _parts.Build(text, "8613800000000", requestReceipt: true, reference: 1))
            {
                var pdu = OutboundPdu.Request(Protocol.CommandId.SubmitSm, 1, part, pending: null);
                if (pdu.MaxLength <= buffer.Length) pdu.Encode(buffer);
            }
        }
        return ValueTask.CompletedTask;
    }
}
