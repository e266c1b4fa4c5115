using Microsoft.Extensions.Logging;
using WarningHub.Channels.Sms.Common.Transport;
using WarningHub.Channels.Sms.Sgip.Protocol;

namespace WarningHub.Channels.Sms.Sgip.Session;

internal sealed partial class SgipSession
{
    private const byte ParameterFormatError = 5;

    private readonly IncomingHandlers _incoming;

    /// <summary>
    /// Answers every Deliver with Deliver_Resp under its Sequence Number; one that cannot be read is answered Result 5
    /// (parameter format error), so the SMG does not send it again forever, and is logged.
    /// </summary>
    private void OnDeliver(in SgipHeader header, ReadOnlySpan<byte> body)
    {
        if (!IsBoundForIncoming(header, SgipCommand.DeliverResp))
        {
            return;
        }

        DeliverPdu deliver;
        try
        {
            deliver = DeliverPdu.Read(body);
        }
        catch (PduFormatException ex)
        {
            _logger.LogWarning("SGIP {Bind}: unreadable Deliver {Sequence}: {Reason}", Name, header.Sequence, ex.Message);
            _connection.TryEnqueue(SgipFrame.Build(new ResultPdu(SgipCommand.DeliverResp, ParameterFormatError), header.Sequence));
            return;
        }

        _connection.TryEnqueue(SgipFrame.Build(new ResultPdu(SgipCommand.DeliverResp, 0), header.Sequence));
        Hand(() => _incoming.OnDeliver(deliver), "Deliver", header.Sequence);
    }

    /// <summary>Answers every Report with Report_Resp; the report goes to the gateway, which correlates it by the Submit's Sequence Number.</summary>
    private void OnReport(in SgipHeader header, ReadOnlySpan<byte> body)
    {
        if (!IsBoundForIncoming(header, SgipCommand.ReportResp))
        {
            return;
        }

        ReportPdu report;
        try
        {
            report = ReportPdu.Read(body);
        }
        catch (PduFormatException ex)
        {
            _logger.LogWarning("SGIP {Bind}: unreadable Report {Sequence}: {Reason}", Name, header.Sequence, ex.Message);
            _connection.TryEnqueue(SgipFrame.Build(new ResultPdu(SgipCommand.ReportResp, ParameterFormatError), header.Sequence));
            return;
        }

        _connection.TryEnqueue(SgipFrame.Build(new ResultPdu(SgipCommand.ReportResp, 0), header.Sequence));
        Hand(() => _incoming.OnReport(report), "Report", header.Sequence);
    }

    /// <summary>Nothing is taken from a connection that has not bound: a stranger on the listening port learns nothing.</summary>
    private bool IsBoundForIncoming(in SgipHeader header, SgipCommand response)
    {
        if (_state == SessionState.Bound || _state == SessionState.Unbinding)
        {
            return true;
        }

        _logger.LogWarning("SGIP {Bind}: {Command} before Bind; refused and closed.", Name, header.Command);
        _connection.TryEnqueue(SgipFrame.Build(new ResultPdu(response, IllegalLogin), header.Sequence));
        _state = SessionState.Closed;
        _connection.CloseAfterFlush();
        return false;
    }

    private void Hand(Action handler, string what, SgipSequence sequence)
    {
        try
        {
            handler();
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "SGIP {Bind}: {What} {Sequence} could not be handled.", Name, what, sequence);
        }
    }
}
