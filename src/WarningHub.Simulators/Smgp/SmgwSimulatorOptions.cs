namespace WarningHub.Simulators.Smgp;

/// <summary>How the simulated China Telecom SMGW behaves. Fixed once it starts, except where noted.</summary>
public sealed class SmgwSimulatorOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one (read it from <see cref="SmgwSimulator.Port"/>).</summary>
    public int Port { get; set; }

    /// <summary>The ClientID Login must carry. <value>10650001.</value></summary>
    public string ClientId { get; set; } = "10650001";

    /// <summary>The shared secret of that ClientID. <value>secret.</value></summary>
    public string SharedSecret { get; set; } = "secret";

    /// <summary>The gateway code (6 digits) in the MsgIDs it gives. <value>591234.</value></summary>
    public int GatewayCode { get; set; } = 591234;

    /// <summary>Accepted Submits per sliding second over all connections; beyond it Status 1 (system busy). <value>0 (unlimited).</value></summary>
    public int RateLimitPerSecond { get; set; }

    /// <summary>Answer this many Submits with Status 1 (system busy) before accepting any. <value>0.</value></summary>
    public int FlowControlFirst { get; set; }

    /// <summary>Fraction of Submits answered with Status 1 (system busy) at random, whatever the rate (a congested gateway); may be changed while running. <value>0.</value></summary>
    public double FlowControlShare { get; set; }

    /// <summary>Fraction of status reports that say UNDELIV instead of DELIVRD. <value>0.</value></summary>
    public double ReportFailureRate { get; set; }

    /// <summary>Seed of the simulator's randomness. <value>1.</value></summary>
    public int Seed { get; set; } = 1;

    /// <summary>Send a status report for every accepted Submit with NeedReport 1. <value>true.</value></summary>
    public bool SendReports { get; set; } = true;

    /// <summary>Keep every Submit for tests. <value>false.</value></summary>
    public bool RecordSubmits { get; set; }

    /// <summary>Leave Submits unanswered (a hung SMGW); may be changed while running. <value>false.</value></summary>
    public bool SwallowSubmits { get; set; }

    /// <summary>Once this many Submits were accepted, drop the connection that brings the next one, unanswered; may be changed while running. <value>0 (never).</value></summary>
    public int DropAfterAccepted { get; set; }

    /// <summary>Answer Active_Test; may be changed while running. <value>true.</value></summary>
    public bool AnswerActiveTests { get; set; } = true;

    /// <summary>The SMGW's clock offset from UTC, for Login timestamps and MsgIDs. <value>+8 hours.</value></summary>
    public TimeSpan UtcOffset { get; set; } = TimeSpan.FromHours(8);
}
