using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using WarningHub.Channels.Sms.Cmpp.Protocol;
using WarningHub.Channels.Sms.Cmpp.Transport;
using WarningHub.Channels.Sms.Common.Transport;

namespace WarningHub.Simulators.Cmpp;

/// <summary>The ISMG's side of one SP connection: CONNECT checks, SUBMIT answers, status reports, ACTIVE_TEST, TERMINATE.</summary>
internal sealed class SimulatedSp : ICmppHandler, IAsyncDisposable
{
    private readonly IsmgSimulator _ismg;
    private readonly FrameConnection _connection;
    private volatile bool _dropped;
    private CmppVersion _version = CmppVersion.V30;
    private int _sequence = 0x4000_0000; // the ISMG's own Sequence_Ids, far from the SP's
    private volatile bool _connected;

    public SimulatedSp(IsmgSimulator ismg, Socket socket)
    {
        _ismg = ismg;
        _connection = new FrameConnection(socket, CmppFraming.Layout, this, ismg.Time, ismg.Logger, "sp");
    }

    public bool IsConnected => _connected && !_connection.IsClosed;

    public Task Completion => _connection.Completion;

    public void Start() => _connection.Start();

    public void Abort() => _connection.Abort();

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    public void OnClosed(Exception? error) => _connected = false;

    public void OnPdu(in CmppHeader header, ReadOnlySpan<byte> body)
    {
        if (_dropped)
        {
            return; // the link is gone: nothing after the drop arrives
        }

        switch (header.Command)
        {
            case CmppCommand.Connect:
                OnConnect(header.Sequence, ConnectPdu.Read(body));
                break;
            case CmppCommand.Submit when _connected:
                OnSubmit(header.Sequence, SubmitPdu.Read(body, _version));
                break;
            case CmppCommand.ActiveTest:
                _ismg.CountActiveTest();
                if (_ismg.Options.AnswerActiveTests)
                {
                    _connection.TryEnqueue(CmppFrame.Build(ActiveTestResponsePdu.Instance, header.Sequence, _version));
                }

                break;
            case CmppCommand.Terminate:
                _ismg.CountTerminate();
                _connected = false;
                _connection.TryEnqueue(CmppFrame.HeaderOnly(CmppCommand.TerminateResp, header.Sequence));
                _connection.CloseAfterFlush();
                break;
            case CmppCommand.DeliverResp:
                _ismg.CountDeliverResp();
                break;
            case CmppCommand.ActiveTestResp:
                _ismg.CountActiveTestAnswer();
                break;
            default:
                _ismg.Logger.LogDebug("ISMG simulator: ignored {Command}.", header.Command);
                break;
        }
    }

    public bool SendMobileOriginated(string from, string to, byte[] content, byte msgFmt) => _connection.TryEnqueue(CmppFrame.Build(
        new DeliverPdu { MsgId = _ismg.NextMsgId(forDeliver: true), DestId = to, MsgFmt = msgFmt, SrcTerminalId = from, MsgContent = content },
        NextSequence(),
        _version));

    public bool SendActiveTest() => _connection.TryEnqueue(CmppFrame.HeaderOnly(CmppCommand.ActiveTest, NextSequence()));

    private void OnConnect(uint sequence, ConnectPdu connect)
    {
        var options = _ismg.Options;
        var asked = connect.Version >= 0x30 ? CmppVersion.V30 : CmppVersion.V20;
        _version = asked.Major <= options.MaxVersion ? asked : CmppVersion.FromMajor(options.MaxVersion);
        var expected = ConnectPdu.Authenticate(options.SourceAddr, options.SharedSecret, connect.Timestamp);
        uint status = connect.SourceAddr != options.SourceAddr ? 2u
            : !expected.AsSpan().SequenceEqual(connect.Authenticator) ? 3u
            : asked.Major > options.MaxVersion ? 4u
            : 0u;
        var authenticator = ConnectResponsePdu.Authenticate(status, _version.ResultLength, connect.Authenticator, options.SharedSecret);
        _connection.TryEnqueue(CmppFrame.Build(new ConnectResponsePdu(status, authenticator, _version.Wire), sequence, _version));
        _ismg.CountConnect(status == 0);
        if (status == 0)
        {
            _connected = true;
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

    private void OnSubmit(uint sequence, SubmitPdu submit)
    {
        if (_ismg.Options.DropAfterAccepted > 0 && _ismg.Accepted >= _ismg.Options.DropAfterAccepted)
        {
            _ismg.Record(Recorded(submit, sequence, string.Empty));
            DropLink();
            return;
        }

        if (_ismg.Options.SwallowSubmits)
        {
            _ismg.Record(Recorded(submit, sequence, string.Empty));
            _ismg.AdmitSubmit();
            return;
        }

        var result = _ismg.AdmitSubmit();
        var msgId = result == 0 ? _ismg.NextMsgId() : 0;
        _ismg.Record(Recorded(submit, sequence, result == 0 ? new MsgId(msgId).ToString() : string.Empty));
        _connection.TryEnqueue(CmppFrame.Build(new MsgIdResultPdu(CmppCommand.SubmitResp, msgId, result), sequence, _version));
        if (result == 0 && submit.RegisteredDelivery == 1 && _ismg.Options.SendReports)
        {
            SendReport(msgId, submit.DestTerminalIds[0], submit.SrcId);
        }
    }

    private void SendReport(ulong msgId, string destination, string accessNumber)
    {
        var now = _ismg.Time.GetUtcNow().ToOffset(_ismg.Options.UtcOffset).ToString("yyMMddHHmm", CultureInfo.InvariantCulture);
        var stat = _ismg.NextReportFails() ? "UNDELIV" : "DELIVRD";
        var report = new StatusReportContent(msgId, stat, now, now, destination, (uint)Interlocked.Increment(ref _sequence));
        var deliver = new DeliverPdu
        {
            MsgId = _ismg.NextMsgId(forDeliver: true),
            DestId = accessNumber,
            SrcTerminalId = destination,
            RegisteredDelivery = 1,
            MsgContent = report.ToArray(_version),
        };
        if (_connection.TryEnqueue(CmppFrame.Build(deliver, NextSequence(), _version)))
        {
            _ismg.CountReport();
        }
    }

    private uint NextSequence() => (uint)Interlocked.Increment(ref _sequence);

    private static SimulatedSubmit Recorded(SubmitPdu s, uint sequence, string msgId) => new(
        msgId, s.DestTerminalIds.Count > 0 ? s.DestTerminalIds[0] : string.Empty, s.PkTotal, s.PkNumber, s.TpUdhi, s.MsgFmt,
        s.RegisteredDelivery, s.MsgSrc, s.ServiceId, s.SrcId, s.MsgContent.ToArray(), sequence);
}
