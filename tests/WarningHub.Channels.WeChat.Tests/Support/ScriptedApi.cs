using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WarningHub.Channels.WeChat.Tests.Support;

/// <summary>One request as the scripted server saw it.</summary>
internal sealed record SeenRequest(string Method, string Path, string Query, string ContentType, string Body);

/// <summary>
/// A server on 127.0.0.1 that records every request and answers from a script, for asserting the exact requests an
/// adapter sends and its reading of answers the simulator never gives. Unscripted requests get HTTP 599.
/// </summary>
internal sealed class ScriptedApi : IAsyncDisposable
{
    private readonly ConcurrentQueue<(int Status, string Body)> _answers = new();
    private readonly ConcurrentQueue<SeenRequest> _seen = new();
    private WebApplication? _app;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<SeenRequest> Seen => [.. _seen];

    public static async Task<ScriptedApi> StartAsync()
    {
        var api = new ScriptedApi();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(api.AnswerAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        api.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        api._app = app;
        return api;
    }

    public ScriptedApi Then(string json, int status = 200)
    {
        _answers.Enqueue((status, json));
        return this;
    }

    public ScriptedApi ThenToken(string token = "TOKEN-1", int expiresIn = 7200) =>
        Then($$"""{"access_token":"{{token}}","expires_in":{{expiresIn}}}""");

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _app, null) is { } app)
        {
            await app.DisposeAsync();
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        _seen.Enqueue(new SeenRequest(context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? string.Empty,
            context.Request.ContentType ?? string.Empty, body));
        var (status, json) = _answers.TryDequeue(out var answer) ? answer : (599, "unscripted");
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    }
}
