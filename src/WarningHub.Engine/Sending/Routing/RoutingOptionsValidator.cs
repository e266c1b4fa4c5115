using Microsoft.Extensions.Options;

namespace WarningHub.Engine.Sending.Routing;

/// <summary>Every mistake in "Routing" at once: operator ranges, gateways' operators, priorities, weights, the circuit's bounds.</summary>
public sealed class RoutingOptionsValidator : IValidateOptions<RoutingOptions>
{
    public ValidateOptionsResult Validate(string? name, RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = NumberRanges.Problems(options.Operators, "Routing:Operators").ToList();
        foreach (var (gateway, route) in options.Gateways)
        {
            for (var i = 0; i < route.Operators.Count; i++)
            {
                if (!NumberRanges.Names.Contains(route.Operators[i], StringComparer.Ordinal))
                    errors.Add($"Routing:Gateways:{gateway}:Operators:{i}: unknown operator '{route.Operators[i]}'; routing knows {string.Join(", ", NumberRanges.Names)}.");
            }
            if (route.Priority < 0) errors.Add($"Routing:Gateways:{gateway}:Priority: must be 0 or more (lower goes first).");
            if (route.Weight < 1) errors.Add($"Routing:Gateways:{gateway}:Weight: must be 1 or more.");
        }
        var circuit = options.Circuit;
        if (circuit.FailureRatio is <= 0 or > 1) errors.Add("Routing:Circuit:FailureRatio: must be above 0 and at most 1.");
        if (circuit.MinimumThroughput < 2) errors.Add("Routing:Circuit:MinimumThroughput: must be 2 or more.");
        if (circuit.SamplingDuration < TimeSpan.FromMilliseconds(500)) errors.Add("Routing:Circuit:SamplingDuration: must be at least 00:00:00.5.");
        if (circuit.BreakDuration < TimeSpan.FromMilliseconds(500)) errors.Add("Routing:Circuit:BreakDuration: must be at least 00:00:00.5.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
