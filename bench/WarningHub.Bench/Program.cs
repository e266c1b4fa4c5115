using WarningHub.Bench;
using WarningHub.Bench.Scenarios;

// warninghub-bench <scenario> [options]: each scenario measures one path and prints its figures (one JSON line with --json).
var scenario = args.Length > 0 ? args[0] : "";
var rest = args.Length > 0 ? args[1..] : [];
return scenario switch
{
    "plan" => await PlanScenario.RunAsync(rest),
    "e2e" => await EndToEndScenario.RunAsync(rest),
    "smpp" => await SmppScenario.RunAsync(rest),
    "cmpp" => await CmppScenario.RunAsync(rest),
    "sgip" or "smgp" => await CarrierScenario.RunAsync(scenario, rest),
    "audio" => await AudioScenario.RunAsync(rest),
    "rtp" => await RtpScenario.RunAsync(rest),
    "reach" => await ReachScenario.RunAsync(rest),
    "chaos" => await ChaosScenario.RunAsync(rest),
    _ => await BenchArgs.UsageAsync(scenario),
};
