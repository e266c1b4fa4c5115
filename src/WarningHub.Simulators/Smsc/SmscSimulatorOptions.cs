namespace WarningHub.Simulators.Smsc;

/// <summary>How the simulated SMSC behaves. Everything here is fixed once the simulator starts.</summary>
public sealed class SmscSimulatorOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one (read it from <see cref="SmscSimulator.Port"/>).</summary>
    public int Port { get; set; }

    /// <summary>The system_id binds must use. <value>warninghub.</value></summary>
    public string SystemId { get; set; } = "warninghub";

    /// <summary>The password binds must use. <value>secret.</value></summary>
    public string Password { get; set; } = "secret";

    /// <summary>Accepted submit_sm per sliding second over all binds; beyond it ESME_RTHROTTLED. <value>0 (unlimited).</value></summary>
    public int RateLimitPerSecond { get; set; }

    /// <summary>Delay before each submit_sm_resp. <value>Zero.</value></summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Delay between accepting a part and sending its receipt. <value>Zero.</value></summary>
    public TimeSpan ReceiptDelay { get; set; }

    /// <summary>Fraction of receipts that report stat:UNDELIV instead of DELIVRD. <value>0.</value></summary>
    public double ReceiptFailureRate { get; set; }

    /// <summary>Seed of the simulator's randomness, so failures fall on the same messages every run. <value>1.</value></summary>
    public int Seed { get; set; } = 1;

    /// <summary>Send a deliver_sm receipt for every accepted part that asked for one. <value>true.</value></summary>
    public bool SendReceipts { get; set; } = true;

    /// <summary>Send the receipt before the submit_sm_resp, as some SMSCs do under load. <value>false.</value></summary>
    public bool ReceiptBeforeResponse { get; set; }

    /// <summary>Put receipted_message_id in receipts; without it the id is only in the text. <value>true.</value></summary>
    public bool IncludeReceiptedMessageIdTlv { get; set; } = true;

    /// <summary>Quote the id in receipts in decimal while submit_sm_resp gives it in hex. <value>false.</value></summary>
    public bool ReceiptIdsInDecimal { get; set; }

    /// <summary>Keep every assembled message (destination and decoded text) for tests. <value>false.</value></summary>
    public bool RecordMessages { get; set; }
}
