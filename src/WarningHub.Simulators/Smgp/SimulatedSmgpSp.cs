using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using WarningHub.Channels.Sms.Common.Transport;
using WarningHub.Channels.Sms.Smgp.Protocol;
using WarningHub.Channels.Sms.Smgp.Transport;

namespace WarningHub.Simulators.Smgp;

/// <summary>The SMGW's side of one SP connection: Login checks, Submit answers, status reports, Active_Test, Exit.</summary>
internal sealed class SimulatedSmgpSp : ISmgpHandler, IAsyncDisposable
{
    private readonly SmgwSimulator _smgw;
    private readonly FrameConnection _connection;
    private volatile bool _dropped;
    private int _sequence = 0x4000_0000; // the SMGW's own SequenceIDs, far from the SP's
    private volatile bool _connected;

    public SimulatedSmgpSp(SmgwSimulator smgw, Socket socket)
    {
        _smgw = smgw;
        _connection = new FrameConnection(socket, SmgpHeader.Layout, this, smgw.Time, smgw.Logger, "sp");
    }

    public bool IsConnected => _connected && !_connection.IsClosed;

    public Task Completion => _connection.Completion;

    public void Start() => _connection.Start();

    public void Abort() => _connection.Abort();

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    public void OnClosed(Exception? error) => _connected = false;

    public void OnPdu(in SmgpHeader header, ReadOnlySpan<byte> body)
    {
        if (_dropped)
        {
            return; // the link is gone: nothing after the drop arrives
        }

        switch (header.Command)
        {
            case SmgpCommand.Login:
                OnLogin(header.Sequence, LoginPdu.Read(body));
                break;
            case SmgpCommand.Submit when _connected:
                OnSubmit(header.Sequence, SubmitPdu.Read(body));
                break;
            case SmgpCommand.ActiveTest:
                _smgw.CountActiveTest();
                if (_smgw.Options.AnswerActiveTests)
                {
                    _connection.TryEnqueue(SmgpFrame.HeaderOnly(SmgpCommand.ActiveTestResp, header.Sequence));
                }

                break;
            case SmgpCommand.Exit:
                _smgw.CountTerminate();
                _connected = false;
                _connection.TryEnqueue(SmgpFrame.HeaderOnly(SmgpCommand.ExitResp, header.Sequence));
                _connection.CloseAfterFlush();
                break;
            case SmgpCommand.DeliverResp:
                _smgw.CountDeliverResp();
                break;
            case SmgpCommand.ActiveTestResp:
                _smgw.CountActiveTestAnswer();
                break;
            default:
                _smgw.Logger.LogDebug("SMGW simulator: ignored {Command}.", header.Command);
                break;
        }
    }

    public bool SendMobileOriginated(string from, string to, byte[] content, byte msgFormat) => _connection.TryEnqueue(SmgpFrame.Build(
        new DeliverPdu { MsgId = _smgw.NextMsgId(forDeliver: true), MsgFormat = msgFormat, RecvTime = Now("yyyyMMddHHmmss"), SrcTermId = from, DestTermId = to, MsgContent = content },
        NextSequence()));

    public bool SendActiveTest() => _connection.TryEnqueue(SmgpFrame.HeaderOnly(SmgpCommand.ActiveTest, NextSequence()));

    private void OnLogin(uint sequence, LoginPdu login)
    {
        var options = _smgw.Options;
        var expected = LoginPdu.Authenticate(options.ClientId, options.SharedSecret, login.Timestamp);
        uint status = login.ClientId != options.ClientId ? 20u
            : !expected.AsSpan().SequenceEqual(login.Authenticator) ? 21u
            : login.ClientVersion > LoginPdu.Version30 ? 22u
            : 0u;
        var authenticator = LoginResponsePdu.Authenticate(status, login.Authenticator, options.SharedSecret);
        _connection.TryEnqueue(SmgpFrame.Build(new LoginResponsePdu(status, authenticator, LoginPdu.Version30), sequence));
        _smgw.CountConnect(status == 0);
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
        if (_smgw.Options.DropAfterAccepted > 0 && _smgw.Accepted >= _smgw.Options.DropAfterAccepted)
        {
            _smgw.Record(Recorded(submit, string.Empty));
            DropLink();
            return;
        }

        if (_smgw.Options.SwallowSubmits)
        {
            _smgw.Record(Recorded(submit, string.Empty));
            _smgw.AdmitSubmit();
            return;
        }

        var status = _smgw.AdmitSubmit();
        var msgId = status == 0 ? _smgw.NextMsgId() : new SmgpMsgId(new string('0', 20));
        _smgw.Record(Recorded(submit, status == 0 ? msgId.ToString() : string.Empty));
        _connection.TryEnqueue(SmgpFrame.Build(new MsgIdStatusPdu(SmgpCommand.SubmitResp, msgId, status), sequence));
        if (status == 0 && submit.NeedReport == 1 && _smgw.Options.SendReports)
        {
            SendReport(msgId, submit.DestTermIds[0], submit.SrcTermId);
        }
    }

    private void SendReport(SmgpMsgId msgId, string destination, string accessNumber)
    {
        var stat = _smgw.NextReportFails() ? "UNDELIV" : "DELIVRD";
        var report = new StatusReport(msgId, stat, stat == "DELIVRD" ? "000" : "001", Now("yyMMddHHmm"));
        var deliver = new DeliverPdu
        {
            MsgId = _smgw.NextMsgId(forDeliver: true),
            IsReport = 1,
            RecvTime = Now("yyyyMMddHHmmss"),
            SrcTermId = destination,
            DestTermId = accessNumber,
            MsgContent = report.ToArray(),
        };
        if (_connection.TryEnqueue(SmgpFrame.Build(deliver, NextSequence())))
        {
            _smgw.CountReport();
        }
    }

    private string Now(string format) => _smgw.Time.GetUtcNow().ToOffset(_smgw.Options.UtcOffset).ToString(format, CultureInfo.InvariantCulture);

    private uint NextSequence() => (uint)Interlocked.Increment(ref _sequence);

    private static SimulatedSmgpSubmit Recorded(SubmitPdu s, string msgId) => new(
        msgId, s.DestTermIds.Count > 0 ? s.DestTermIds[0] : string.Empty, s.SrcTermId, s.ServiceId, s.NeedReport, s.MsgFormat,
        Tlv.ByteOf(s.Tlvs, Tlv.TpUdhi), Tlv.ByteOf(s.Tlvs, Tlv.PkTotal), Tlv.ByteOf(s.Tlvs, Tlv.PkNumber), s.MsgContent.ToArray());
}
