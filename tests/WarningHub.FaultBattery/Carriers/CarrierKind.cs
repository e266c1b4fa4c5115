namespace WarningHub.FaultBattery.Carriers;

/// <summary>The operators' own TCP gateway protocols the battery runs against, each through the project's simulator of its gateway.</summary>
public enum CarrierKind
{
    /// <summary>China Mobile's CMPP 3.0, against the simulated ISMG.</summary>
    Cmpp,

    /// <summary>China Unicom's SGIP 1.2, against the simulated SMG (reports come back on the SMG's own connection).</summary>
    Sgip,

    /// <summary>China Telecom's SMGP 3.0, against the simulated SMGW.</summary>
    Smgp,
}
