using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;

namespace WarningHub.Channels.Sms.Http.Tests.Generic;

/// <summary>
/// The Generic profile against a small gateway written here: fields from templates as JSON or a form, a key in a
/// header or an HMAC-signed query, the message id and the error code read by JSON path, receipts pushed back.
/// </summary>
public sealed class GenericGatewayTests : IAsyncLifetime
{
    private const string Key = "generic-api-key-0123456789";
    private readonly ConcurrentQueue<(string Body, string Query, string? Auth)> _requests = new();
    private WebApplication? _app;
    private Uri _base = new("http://127.0.0.1/");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/json", async (HttpContext c) =>
        {
            var body = await new StreamReader(c.Request.Body).ReadToEndAsync();
            _requests.Enqueue((body, c.Request.QueryString.Value ?? "", c.Request.Headers["X-Api-Key"].FirstOrDefault()));
            var mobile = JsonDocument.Parse(body).RootElement.GetProperty("mobile").GetString();
            return mobile!.StartsWith('1')
                ? Results.Json(new { code = 0, data = new { msgid = "M-" + mobile } })
                : Results.Json(new { code = 1001, msg = "invalid mobile" });
        });
        _app.MapPost("/signed", async (HttpContext c) =>
        {
            var form = await c.Request.ReadFormAsync();
            _requests.Enqueue((string.Join('&', form.Select(f => f.Key + "=" + f.Value)), c.Request.QueryString.Value ?? "", null));
            var signed = form.Select(f => KeyValuePair.Create(f.Key, f.Value.ToString()))
                .Append(KeyValuePair.Create("timestamp", c.Request.Query["timestamp"].ToString()))
                .Append(KeyValuePair.Create("nonce", c.Request.Query["nonce"].ToString()))
                .OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value);
            var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), Encoding.UTF8.GetBytes(string.Join('&', signed))));
            return expected == c.Request.Query["sign"].ToString() ? Results.Text("OK id=S-1") : Results.StatusCode(401);
        });
        _app.MapPost("/basic", async (HttpContext c) =>
        {
            var form = await c.Request.ReadFormAsync();
            var auth = c.Request.Headers.Authorization.FirstOrDefault();
            _requests.Enqueue((string.Join('&', form.Select(f => f.Key + "=" + f.Value)), c.Request.QueryString.Value ?? "", auth));
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("county:p4ss-of-the-county"));
            return auth == expected ? Results.Json(new { id = "B-" + form["to"] }) : Results.StatusCode(401);
        });
        await _app.StartAsync();
        _base = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    [Fact]
    public async Task Send_AsJsonWithAHeaderKey_ReadsTheIdByPath_AndAGatewayErrorCodeIsAPermanentFailure()
    {
        var options = new HttpSmsOptions
        {
            Url = new Uri(_base, "/json").ToString(),
            Body = HttpSmsBody.Json,
            Auth = HttpSmsAuth.Header,
            AuthHeader = "X-Api-Key",
            ApiKey = Key,
            Fields = { ["mobile"] = "{phone}", ["content"] = "{text}", ["ref"] = "{reference}" },
            ErrorCodePath = "code",
            SuccessCode = "0",
            ErrorMessagePath = "msg",
            MessageIdPath = "data.msgid",
            Signature = "【井研县应急管理局】",
            Receipts = HttpSmsReceipts.Callback,
            CallbackToken = "generic-callback-token-0123",
        };
        Assert.True(new HttpSmsOptionsValidator().Validate("generic", options).Succeeded);
        await using var gateway = new HttpSmsGateway("generic", options);
        await gateway.StartAsync(CancellationToken.None);

        var accepted = await gateway.SendAsync(new TextMessage(7, "13800138000", "暴雨红色预警"), CancellationToken.None);
        var refused = await gateway.SendAsync(new TextMessage(8, "000123", "暴雨红色预警"), CancellationToken.None);
        var pushed = gateway.AcceptCallback(new Dictionary<string, string> { ["id"] = "M-13800138000", ["status"] = "DELIVRD" }, options.CallbackToken, out _);

        Assert.Equal(["M-13800138000"], accepted.ProviderMessageIds);
        Assert.Equal(SendOutcome.PermanentFailure, refused.Outcome);
        Assert.Equal("HTTP:1001", refused.ErrorCode);
        Assert.Contains("invalid mobile", refused.Reason, StringComparison.Ordinal);
        var first = _requests.First();
        Assert.Equal(Key, first.Auth);
        var json = JsonDocument.Parse(first.Body).RootElement;
        Assert.Equal("【井研县应急管理局】暴雨红色预警", json.GetProperty("content").GetString());
        Assert.Equal("7", json.GetProperty("ref").GetString());
        Assert.Equal(ReceiptCallbackOutcome.Accepted, pushed);
        Assert.True(gateway.Receipts.TryRead(out var receipt));
        Assert.Equal(("M-13800138000", DeliveryStatus.Delivered), (receipt.ProviderMessageId, receipt.Status));
    }

    [Fact]
    public async Task Send_WithBasicAuth_CarriesTheCredentialsTheGatewayChecks_AndAWrongPasswordIsATemporaryFailureNamingTheCredentials()
    {
        HttpSmsOptions Options(string password) => new()
        {
            Url = new Uri(_base, "/basic").ToString(),
            Auth = HttpSmsAuth.Basic,
            Username = "county",
            Password = password,
            Fields = { ["to"] = "{phone}", ["msg"] = "{text}" },
            MessageIdPath = "id",
        };
        Assert.True(new HttpSmsOptionsValidator().Validate("basic", Options("p4ss-of-the-county")).Succeeded);
        await using var right = new HttpSmsGateway("basic", Options("p4ss-of-the-county"));
        await using var wrong = new HttpSmsGateway("basic-wrong", Options("not-the-password"));
        await right.StartAsync(CancellationToken.None);
        await wrong.StartAsync(CancellationToken.None);

        var accepted = await right.SendAsync(new TextMessage(11, "13800138000", "大风蓝色预警"), CancellationToken.None);
        var refused = await wrong.SendAsync(new TextMessage(12, "13800138001", "大风蓝色预警"), CancellationToken.None);

        Assert.True(accepted.Outcome == SendOutcome.Accepted, $"{accepted.Outcome} {accepted.ErrorCode} {accepted.Reason}");
        Assert.Equal(["B-13800138000"], accepted.ProviderMessageIds);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("county:p4ss-of-the-county")), _requests.First().Auth);
        Assert.Equal(SendOutcome.TemporaryFailure, refused.Outcome);
        Assert.Equal("HTTP:401", refused.ErrorCode);
        Assert.Contains("credentials", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_AsAFormWithAnHmacSignedQuery_IsVerifiedByTheGateway_AndTheIdReadByRegex()
    {
        var options = new HttpSmsOptions
        {
            Url = new Uri(_base, "/signed").ToString(),
            Auth = HttpSmsAuth.HmacQuery,
            ApiKey = Key,
            Fields = { ["to"] = "{phone}", ["msg"] = "{text}" },
            MessageIdRegex = "id=(\\S+)",
        };
        Assert.True(new HttpSmsOptionsValidator().Validate("signed", options).Succeeded);
        await using var gateway = new HttpSmsGateway("signed", options);
        await gateway.StartAsync(CancellationToken.None);

        var result = await gateway.SendAsync(new TextMessage(9, "13800138000", "山洪 & 泥石流"), CancellationToken.None);

        Assert.True(result.Outcome == SendOutcome.Accepted, $"{result.Outcome} {result.ErrorCode} {result.Reason}");
        Assert.Equal(["S-1"], result.ProviderMessageIds);
        Assert.Contains("msg=山洪 & 泥石流", _requests.Single().Body, StringComparison.Ordinal);
    }
}
