namespace WarningHub.Simulators.Cmpp;

/// <summary>How the simulated ISMG behaves. Everything here is fixed once the simulator starts, except where noted.</summary>
public sealed class IsmgSimulatorOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one (read it from <see cref="IsmgSimulator.Port"/>).</summary>
    public int Port { get; set; }

    /// <summary>The highest version it speaks: 2 or 3. A CONNECT asking for more is refused with Status 4. <value>3.</value></summary>
    public int MaxVersion { get; set; } = 3;

    /// <summary>The SP id CONNECT must carry. <value>901234.</value></summary>
    public string SourceAddr { get; set; } = "901234";

    /// <summary>The shared secret of that SP id. <value>secret.</value></summary>
    public string SharedSecret { get; set; } = "secret";

    /// <summary>The 22-bit ISMG code in the Msg_Ids it gives. <value>0x1234.</value></summary>
    public int GatewayCode { get; set; } = 0x1234;

    /// <summary>Accepted SUBMITs per sliding second over all connections; beyond it Result 8. <value>0 (unlimited).</value></summary>
    public int RateLimitPerSecond { get; set; }

    /// <summary>Answer this many SUBMITs with Result 8 (flow control) before accepting any. <value>0.</value></summary>
    public int FlowControlFirst { get; set; }

    /// <summary>Fraction of Submits answered with Result 8 at random, whatever the rate (a congested gateway); may be changed while running. <value>0.</value></summary>
    public double FlowControlShare { get; set; }

    /// <summary>Fraction of status reports that say UNDELIV instead of DELIVRD. <value>0.</value></summary>
    public double ReportFailureRate { get; set; }

    /// <summary>Seed of the simulator's randomness, so failures fall on the same messages every run. <value>1.</value></summary>
    public int Seed { get; set; } = 1;

    /// <summary>Send a status report for every accepted part that asked for one. <value>true.</value></summary>
    public bool SendReports { get; set; } = true;

    /// <summary>Keep every SUBMIT for tests. <value>false.</value></summary>
    public bool RecordSubmits { get; set; }

    /// <summary>Leave SUBMITs unanswered (a hung ISMG); may be changed while running. <value>false.</value></summary>
    public bool SwallowSubmits { get; set; }

    /// <summary>
    /// Once this many SUBMITs were accepted, drop the connection that brings the next one, unanswered (a link lost
    /// mid-message); may be changed while running. <value>0 (never).</value>
    /// </summary>
    public int DropAfterAccepted { get; set; }

    /// <summary>Answer ACTIVE_TEST; may be changed while running. <value>true.</value></summary>
    public bool AnswerActiveTests { get; set; } = true;

    /// <summary>The ISMG's clock offset from UTC, for CONNECT timestamps and report times. <value>+8 hours.</value></summary>
    public TimeSpan UtcOffset { get; set; } = TimeSpan.FromHours(8);
}
