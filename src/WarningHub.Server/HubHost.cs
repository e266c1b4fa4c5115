using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WarningHub.Engine.Hosting;
using WarningHub.Server.Api;
using WarningHub.Server.Configuration;
using WarningHub.Storage.Sqlite;

namespace WarningHub.Server;

/// <summary>Builds the hub: configuration, storage, engine, adapters and the HTTP API, on loopback by default.</summary>
public static class HubHost
{
    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <param name="configFile">A JSON settings file; null uses config/warninghub.json when it exists.</param>
    /// <param name="overrides">Settings applied last (the demo and tests use them), after environment variables.</param>
    /// <param name="loadConfigFile">False for a hub configured by <paramref name="overrides"/> alone (the demo).</param>
    public static WebApplication Build(string[] args, string? configFile = null, IDictionary<string, string?>? overrides = null,
        Action<WebApplicationBuilder>? configure = null, bool loadConfigFile = true)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args });
        var file = loadConfigFile ? configFile ?? DefaultConfigFile() : null;
        var config = builder.Configuration;
        if (file is not null)
        {
            if (!File.Exists(file)) throw new FileNotFoundException($"Settings file not found: {file}", file);
            // Sources in order: file, environment, command line, overrides: the later wins.
            var source = new JsonConfigurationSource { Path = Path.GetFullPath(file), Optional = false, ReloadOnChange = false };
            source.ResolveFileProvider();
            config.Sources.Insert(0, source);
        }
        if (overrides is not null) config.AddInMemoryCollection(overrides);
        if (string.IsNullOrEmpty(config["urls"])) builder.WebHost.UseUrls(DefaultUrls);

        var services = builder.Services;
        HubConfiguration.Bind(services, config);
        services.AddSqliteStorage();
        services.AddOptions<SqliteOptions>().Configure<IOptions<HubOptions>>((s, hub) =>
        {
            s.Path = hub.Value.DatabasePath;
            s.SynchronousFull = hub.Value.SynchronousFull;
        });
        services.AddWarningHubEngine(sp => sp.GetRequiredService<SqliteRegistryStore>().Load(),
            sp => sp.GetRequiredService<SqliteRegistryStore>().LoadEndpoints());
        services.AddSingleton<ApiKeyAgency>();
        services.AddProblemDetails();
        configure?.Invoke(builder);

        var app = builder.Build();
        var errors = HubConfiguration.Validate(app.Services, config);
        if (errors.Count > 0) throw new HubConfigurationException(errors);
        MapEndpoints(app);
        return app;
    }

    private static string? DefaultConfigFile()
    {
        foreach (var candidate in new[] { Path.Combine("config", "warninghub.json"), Path.Combine(AppContext.BaseDirectory, "config", "warninghub.json") })
        {
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var api = app.MapGroup("/api/v1");
        api.MapPost("/warnings", WarningSubmission.PostAsync);
        api.MapGet("/warnings/{id}", WarningQueries.GetAsync);
        api.MapGet("/warnings/{id}/reach", WarningQueries.ReachAsync);
        api.MapMethods("/callbacks/wechat/{account}", [HttpMethods.Get, HttpMethods.Post], WeChatCallbackEndpoint.HandleAsync);
        app.MapGet("/b/{id}/{village}/{token}", BroadcasterEndpoints.PageAsync);
        app.MapGet("/b/{id}/{village}/{token}/audio.wav", BroadcasterEndpoints.AudioAsync);
        app.MapPost("/b/{id}/{village}/{token}/played", BroadcasterEndpoints.PlayedAsync);
        app.MapGet("/health", HealthEndpoint.GetAsync);
        Feeds.FeedEndpoints.Map(app); // TV caption feeds and callbacks, CAP Atom feed, /warnings/{id}.cap
        // Operators watch shard jobs here; Hangfire allows local requests only by default.
        app.UseHangfireDashboard("/hangfire");
    }
}

/// <summary>Start-up found invalid settings; <see cref="Errors"/> lists every one.</summary>
public sealed class HubConfigurationException(IReadOnlyList<string> errors)
    : Exception("Invalid settings:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
