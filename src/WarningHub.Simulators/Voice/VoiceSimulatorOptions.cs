namespace WarningHub.Simulators.Voice;

/// <summary>What a simulated phone does when the voice gateway calls it.</summary>
public enum SimulatedPhone
{
    /// <summary>Picks up and presses 1.</summary>
    PressesOne,

    /// <summary>Picks up, listens, presses nothing.</summary>
    AnswersWithoutPressing,

    /// <summary>The line is busy.</summary>
    Busy,

    /// <summary>Rings until the gateway gives up: reported as no answer.</summary>
    NeverAnswers,

    /// <summary>Switched off (关机).</summary>
    PoweredOff,
}

/// <summary>Settings of <see cref="VoiceSimulator"/>.</summary>
public sealed class VoiceSimulatorOptions
{
    /// <summary>The shared secret: call requests must be signed with it, and results are signed with it.</summary>
    public string Secret { get; set; } = "voice-simulator-secret";

    /// <summary>When set, a request carrying this key in <see cref="ApiKeyHeader"/> is accepted without a signature (HeaderKey auth).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The header of <see cref="ApiKey"/>.</summary>
    public string ApiKeyHeader { get; set; } = "X-Api-Key";

    /// <summary>What each number does, by callee number.</summary>
    public Dictionary<string, SimulatedPhone> Phones { get; } = new(StringComparer.Ordinal);

    /// <summary>A rule for numbers not in <see cref="Phones"/> (for example by last digit); null answers fall to <see cref="Default"/>.</summary>
    public Func<string, SimulatedPhone?>? Rule { get; set; }

    /// <summary>What every other number does.</summary>
    public SimulatedPhone Default { get; set; } = SimulatedPhone.PressesOne;

    /// <summary>How long after accepting a call its result is posted, on the simulator's clock.</summary>
    public TimeSpan ResultDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Where results go when a request names no callback URL.</summary>
    public Uri? CallbackUrl { get; set; }

    /// <summary>What a number does: <see cref="Phones"/>, then <see cref="Rule"/>, then <see cref="Default"/>.</summary>
    public SimulatedPhone BehaviourOf(string callee) =>
        Phones.TryGetValue(callee, out var phone) ? phone : Rule?.Invoke(callee) ?? Default;
}
