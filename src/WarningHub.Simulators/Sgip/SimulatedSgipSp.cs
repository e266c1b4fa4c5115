using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using WarningHub.Channels.Sms.Common.Transport;
using WarningHub.Channels.Sms.Sgip.Protocol;
using WarningHub.Channels.Sms.Sgip.Transport;

namespace WarningHub.Simulators.Sgip;

/// <summary>The SMG's side of one SP connection: Bind checks, Submit answers (reports go on the SMG's own link), Unbind.</summary>
internal sealed class SimulatedSgipSp : ISgipHandler, IAsyncDisposable
{
    private readonly SmgSimulator _smg;
    private readonly FrameConnection _connection;
    private volatile bool _dropped;
    private volatile bool _bound;

    public SimulatedSgipSp(SmgSimulator smg, Socket socket)
    {
        _smg = smg;
        _connection = new FrameConnection(socket, SgipHeader.Layout, this, smg.Time, smg.Logger, "sp");
    }

    public Task Completion => _connection.Completion;

    public void Start() => _connection.Start();

    public void Abort() => _connection.Abort();

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    public void OnClosed(Exception? error) => _bound = false;

    public void OnPdu(in SgipHeader header, ReadOnlySpan<byte> body)
    {
        if (_dropped)
        {
            return; // the link is gone: nothing after the drop arrives
        }

        switch (header.Command)
        {
            case SgipCommand.Bind:
                OnBind(header.Sequence, BindPdu.Read(body));
                break;
            case SgipCommand.Submit when _bound:
                OnSubmit(header.Sequence, SubmitPdu.Read(body));
                break;
            case SgipCommand.Submit:
                _connection.TryEnqueue(SgipFrame.Build(new ResultPdu(SgipCommand.SubmitResp, 1), header.Sequence));
                break;
            case SgipCommand.Unbind:
                _smg.CountUnbind();
                _bound = false;
                _connection.TryEnqueue(SgipFrame.HeaderOnly(SgipCommand.UnbindResp, header.Sequence));
                _connection.CloseAfterFlush();
                break;
            default:
                _smg.Logger.LogDebug("SMG simulator: ignored {Command}.", header.Command);
                break;
        }
    }

    private void OnBind(SgipSequence sequence, BindPdu bind)
    {
        var options = _smg.Options;
        byte result = bind.LoginType != BindPdu.SpToSmg ? (byte)4
            : bind.LoginName != options.LoginName || bind.LoginPassword != options.LoginPassword ? (byte)1
            : (byte)0;
        _connection.TryEnqueue(SgipFrame.Build(new ResultPdu(SgipCommand.BindResp, result), sequence));
        _smg.CountBind(result == 0);
        if (result == 0)
        {
            _bound = true;
        }
        else
        {
            _connection.CloseAfterFlush();
        }
    }

    /// <summary>
    /// A link lost mid-message: answers already given still reach the SP (they left before the loss), the PDU that
    /// brought the loss stays unanswered, and nothing after it is read. Dropping queued answers as well made "part 1
    /// accepted" depend on whether the writer had flushed before part 2 arrived.
    /// </summary>
    private void DropLink()
    {
        _dropped = true;
        _connection.CloseAfterFlush();
    }

    private void OnSubmit(SgipSequence sequence, SubmitPdu submit)
    {
        var options = _smg.Options;
        if (options.DropAfterAccepted > 0 && _smg.Accepted >= options.DropAfterAccepted)
        {
            _smg.Record(Recorded(submit, sequence, -1));
            DropLink();
            return;
        }

        if (options.SwallowSubmits)
        {
            _smg.Record(Recorded(submit, sequence, -1));
            _smg.AdmitSubmit();
            return;
        }

        var result = _smg.AdmitSubmit();
        _smg.Record(Recorded(submit, sequence, result));
        _connection.TryEnqueue(SgipFrame.Build(new ResultPdu(SgipCommand.SubmitResp, result), sequence));
        if (result != 0 || !options.SendReports)
        {
            return;
        }

        var fails = _smg.NextReportFails();
        if (submit.ReportFlag == 1 || (submit.ReportFlag == 0 && fails))
        {
            _smg.Link.Enqueue(new ReportPdu(sequence, 0, submit.UserNumbers[0], fails ? ReportPdu.Failed : ReportPdu.Delivered, (byte)(fails ? 28 : 0)));
        }
    }

    private static SimulatedSgipSubmit Recorded(SubmitPdu s, SgipSequence sequence, int result) => new(
        sequence.ToString(), result, s.UserNumbers.Count > 0 ? s.UserNumbers[0] : string.Empty, s.SpNumber, s.CorpId, s.ServiceType,
        s.ReportFlag, s.TpUdhi, s.MessageCoding, s.MessageContent.ToArray());
}
