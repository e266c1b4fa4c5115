namespace WarningHub.Simulators.Sgip;

/// <summary>How the simulated China Unicom SMG behaves. Fixed once it starts, except where noted.</summary>
public sealed class SmgSimulatorOptions
{
    /// <summary>Port on 127.0.0.1 the SP binds to; 0 picks a free one (read it from <see cref="SmgSimulator.Port"/>).</summary>
    public int Port { get; set; }

    /// <summary>The Login Name the SP's Bind (type 1) must carry. <value>sp-login.</value></summary>
    public string LoginName { get; set; } = "sp-login";

    /// <summary>The Login Password the SP's Bind must carry. <value>secret.</value></summary>
    public string LoginPassword { get; set; } = "secret";

    /// <summary>The port on 127.0.0.1 where the SP takes the SMG's connection (Bind type 2, Report, Deliver); may be set while running. <value>0 (none yet).</value></summary>
    public int SpListenPort { get; set; }

    /// <summary>Login Name the SMG gives when it binds to the SP. <value>Empty: <see cref="LoginName"/>.</value></summary>
    public string SmgLoginName { get; set; } = string.Empty;

    /// <summary>Login Password the SMG gives when it binds to the SP. <value>Empty: <see cref="LoginPassword"/>.</value></summary>
    public string SmgLoginPassword { get; set; } = string.Empty;

    /// <summary>The SMG's node id, in the Sequence Numbers of its own requests. <value>2000012345.</value></summary>
    public uint NodeId { get; set; } = 2_000_012_345;

    /// <summary>Accepted Submits per sliding second over all connections; beyond it Result 11 (node busy). <value>0 (unlimited).</value></summary>
    public int RateLimitPerSecond { get; set; }

    /// <summary>Answer this many Submits with Result 11 (node busy) before accepting any. <value>0.</value></summary>
    public int FlowControlFirst { get; set; }

    /// <summary>Fraction of Submits answered with Result 11 (node busy) at random, whatever the rate (a congested gateway); may be changed while running. <value>0.</value></summary>
    public double FlowControlShare { get; set; }

    /// <summary>Fraction of reports that say State 2 (failed, ErrorCode 28) instead of 0. <value>0.</value></summary>
    public double ReportFailureRate { get; set; }

    /// <summary>Seed of the simulator's randomness, so failures fall on the same messages every run. <value>1.</value></summary>
    public int Seed { get; set; } = 1;

    /// <summary>Send a Report for every accepted Submit that asked for one (ReportFlag 1, or 0 when it failed). <value>true.</value></summary>
    public bool SendReports { get; set; } = true;

    /// <summary>Keep every Submit for tests. <value>false.</value></summary>
    public bool RecordSubmits { get; set; }

    /// <summary>Leave Submits unanswered (a hung SMG); may be changed while running. <value>false.</value></summary>
    public bool SwallowSubmits { get; set; }

    /// <summary>Once this many Submits were accepted, drop the connection that brings the next one, unanswered; may be changed while running. <value>0 (never).</value></summary>
    public int DropAfterAccepted { get; set; }

    /// <summary>The SMG's clock offset from UTC, for its Sequence Numbers. <value>+8 hours.</value></summary>
    public TimeSpan UtcOffset { get; set; } = TimeSpan.FromHours(8);
}
