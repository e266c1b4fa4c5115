using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WarningHub.Audio.Tests;

/// <summary>
/// A tiny HTTP text-to-speech service on 127.0.0.1 (Kestrel, a free port): it records each request and answers with
/// what <see cref="Answer"/> gives. Not a real engine: it answers a tone as "speech".
/// </summary>
internal sealed class StandInSpeechService : IAsyncDisposable
{
    private readonly WebApplication app;

    private StandInSpeechService(WebApplication app) => this.app = app;

    public List<(JsonElement Body, string? Authorization, string? Accept)> Requests { get; } = [];

    /// <summary>The status, content type and body of the answer. Default: a 300 Hz WAV, stereo, 24 kHz.</summary>
    public Func<(int Status, string ContentType, byte[] Body)> Answer { get; set; } =
        () => (200, "audio/wav", WavFile.Build(Signal.Sine(300, 24000, 1.0).SelectMany(s => new[] { s, s }).ToArray(), 24000, 2));

    public Uri Url => new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/tts");

    public static async Task<StandInSpeechService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var service = new StandInSpeechService(app);
        app.MapPost("/tts", async (HttpContext context) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
            lock (service.Requests)
            {
                service.Requests.Add((body, context.Request.Headers.Authorization.ToString(), context.Request.Headers.Accept.ToString()));
            }

            var (status, contentType, bytes) = service.Answer();
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.Body.WriteAsync(bytes);
        });
        await app.StartAsync();
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
