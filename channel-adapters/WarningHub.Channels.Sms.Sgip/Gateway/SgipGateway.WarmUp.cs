using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Common.Text;
using WarningHub.Channels.Sms.Sgip.Protocol;

namespace WarningHub.Channels.Sms.Sgip;

public sealed partial class SgipGateway : IWarmUp
{
    private const string WarmUpText =
        "【预警】县气象台发布暴雨红色预警信号：过去3小时降雨量已达100毫米以上且降雨将持续，请立即转移到安全地带，远离河道、山洪沟和地质灾害隐患点，听从村组干部指挥。";

    /// <summary>Encodes a two-part sample into frames: nothing is queued, nothing reaches a socket.</summary>
    public ValueTask WarmUpAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var text = Signature.Apply(WarmUpText, _options.Signature);
        foreach (var submit in BuildSubmits(text, "8613800000000", requestReceipt: true, reference: 1))
        {
            _ = SgipFrame.Build(submit, new SgipSequence(_sequencer.Node, 0, 0));
        }

        return ValueTask.CompletedTask;
    }
}
