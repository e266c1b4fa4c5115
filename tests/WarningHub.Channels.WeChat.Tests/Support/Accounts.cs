using Microsoft.Extensions.Time.Testing;
using WarningHub.Abstractions;
using WarningHub.Simulators.WeChat;

namespace WarningHub.Channels.WeChat.Tests.Support;

/// <summary>Options, messages and adapters wired to a simulator, shared by the tests.</summary>
internal static class Accounts
{
    public const string OpenId = "oia2TjuEGTNoeX76QEjQNrcURxG8";
    public const string OtherOpenId = "oia2TjjewbmiOUlr6X-1crbLOvLw";

    public static WeChatOfficialAccountOptions Options(Uri apiBase, string? token = null) => new()
    {
        AppId = new WeChatSimulatorOptions().AppId,
        AppSecret = new WeChatSimulatorOptions().AppSecret,
        ApiBase = apiBase,
        CallbackToken = token ?? new WeChatSimulatorOptions().CallbackToken,
        DefaultTemplateId = "tpl-default",
        FieldMap = new Dictionary<string, string>
        {
            ["keyword1"] = "{statusMark}{headline}",
            ["keyword2"] = "{area}",
            ["keyword3"] = "{instruction}",
        },
        RatePerSecond = 1000,
    };

    public static TextMessage Warning(string openId = OpenId, string status = "Actual", long reference = 1) =>
        new(reference, openId, "【井研县应急管理局】井研县气象台发布暴雨红色预警信号")
        {
            Fields = new Dictionary<string, string>
            {
                [MessageFields.Headline] = "井研县气象台发布暴雨红色预警信号",
                [MessageFields.Event] = "暴雨",
                [MessageFields.Level] = "红色",
                [MessageFields.Area] = "研城街道、马踏镇",
                [MessageFields.Instruction] = "请远离河道，转移到安全地带。",
                [MessageFields.Status] = status,
                [MessageFields.WarningId] = "W-2024-0042",
            },
        };

    public static async Task<WeChatSimulator> StartSimulatorAsync(WeChatSimulatorOptions? options = null, FakeTimeProvider? time = null)
    {
        var simulator = new WeChatSimulator(options, time);
        await simulator.StartAsync();
        return simulator;
    }
}
