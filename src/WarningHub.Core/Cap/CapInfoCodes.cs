namespace WarningHub.Core.Cap;

// Members are spelled exactly as CAP 1.2 spells the values; numbering starts at 1 so 0 means "unset".

/// <summary>CAP <c>category</c>.</summary>
public enum CapCategory
{
    Geo = 1,
    Met,
    Safety,
    Security,
    Rescue,
    Fire,
    Health,
    Env,
    Transport,
    Infra,
    CBRNE,
    Other,
}

/// <summary>CAP <c>responseType</c>: the action recommended to the audience.</summary>
public enum CapResponseType
{
    Shelter = 1,
    Evacuate,
    Prepare,
    Execute,
    Avoid,
    Monitor,
    Assess,
    AllClear,
    None,
}

/// <summary>CAP <c>urgency</c>.</summary>
public enum CapUrgency
{
    Immediate = 1,
    Expected,
    Future,
    Past,
    Unknown,
}

/// <summary>CAP <c>severity</c>.</summary>
public enum CapSeverity
{
    Extreme = 1,
    Severe,
    Moderate,
    Minor,
    Unknown,
}

/// <summary>CAP <c>certainty</c>.</summary>
public enum CapCertainty
{
    Observed = 1,
    Likely,
    Possible,
    Unlikely,
    Unknown,
}
