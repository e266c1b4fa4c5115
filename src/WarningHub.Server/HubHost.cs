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
using WarningHub.Server.Security;
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
        if (file is not null) ResolveBesideSettingsFile(config, file);
        if (string.IsNullOrEmpty(config["urls"])) builder.WebHost.UseUrls(DefaultUrls);

        var services = builder.Services;
        HubConfiguration.Bind(services, config);
        services.AddSqliteStorage();
        // A clean stop lets shard jobs finish the sends they have written (ShardJobServer.JobStopTimeout), then the
        // gateways drain and unbind: the host's default 30 s could cut the second step short.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = ShardJobServer.JobStopTimeout + TimeSpan.FromSeconds(25));
        services.AddOptions<SqliteOptions>().Configure<IOptions<HubOptions>>((s, hub) =>
        {
            s.Path = hub.Value.DatabasePath;
            s.SynchronousFull = hub.Value.SynchronousFull;
        });
        services.AddWarningHubEngine(sp => sp.GetRequiredService<SqliteRegistryStore>().Load(),
            sp => sp.GetRequiredService<SqliteRegistryStore>().LoadEndpoints());
        services.AddSingleton<ApiKeyAgency>();
        services.AddHubSecurity(); // the API-key and session schemes, and the policies of HubPolicies
        services.AddHostedService<SettingsAudit>(); // the settings the hub runs with, in the audit
        services.AddHostedService<AgencyWebhooks>();
        services.AddProblemDetails();
        services.AddOpenApi(OpenApiDescription.DocumentName, o =>
        {
            o.AddDocumentTransformer<OpenApiDescription>();
            o.AddOperationTransformer<OpenApiDescription>();
        });
        configure?.Invoke(builder);

        var app = builder.Build();
        var errors = HubConfiguration.Validate(app.Services, config).Concat(SampleSecrets.Errors(config)).ToList();
        if (errors.Count > 0) throw new HubConfigurationException(errors);
        MapEndpoints(app);
        return app;
    }

    /// <summary>
    /// A relative <c>Engine:PolicyFile</c> names a file beside the settings file (the shipped "policy.json" is
    /// config/policy.json), wherever the hub was started from: the settings may be the copy beside the program.
    /// </summary>
    private static void ResolveBesideSettingsFile(ConfigurationManager config, string file)
    {
        const string Key = HubConfiguration.Root + ":Engine:" + nameof(Engine.EngineOptions.PolicyFile);
        if (config[Key] is not { Length: > 0 } policy || Path.IsPathRooted(policy)) return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? Directory.GetCurrentDirectory();
        config.AddInMemoryCollection(new Dictionary<string, string?> { [Key] = Path.Combine(folder, policy) });
    }

    /// <summary>
    /// The WeChat accounts that <c>serve</c> with these settings would configure ("WarningHub:WeChat:&lt;account&gt;" of the
    /// settings file and the environment, as serve reads them): what subscribers.csv's account column may name.
    /// </summary>
    /// <param name="configFile">The settings file; null: the default one, when there is one.</param>
    /// <exception cref="FileNotFoundException">A named settings file is not there.</exception>
    public static IReadOnlyList<string> WeChatAccounts(string? configFile)
    {
        var file = configFile ?? DefaultConfigFile();
        var builder = new ConfigurationBuilder();
        if (file is not null)
        {
            if (!File.Exists(file)) throw new FileNotFoundException($"Settings file not found: {file}", file);
            builder.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false);
        }
        var settings = builder.AddEnvironmentVariables().Build();
        return [.. settings.GetSection($"{HubConfiguration.Root}:{ChannelRegistration.WeChatSection}").GetChildren().Select(a => a.Key)];
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
        app.UseAuthentication();
        app.UseAuthorization();
        // Agencies by key, users by session. Every route outside this group says AllowAnonymous, and a test checks that none is left unsaid.
        var api = app.MapGroup("/api/v1").RequireAuthorization(HubPolicies.Caller).WithTags("Warnings");
        api.MapPost("/warnings", WarningSubmission.PostAsync).RequireAuthorization(HubPolicies.Agency).WithName("SubmitWarning").WithMetadata(new CapRequestBody())
            .ProducesProblems(400, 401, 403, 409, 413, 415, 503);
        api.MapPost("/warnings/preview", WarningPreviewEndpoint.PostAsync).RequireAuthorization(HubPolicies.Agency).WithName("PreviewWarning")
            .WithMetadata(new CapRequestBody()).ProducesProblems(400, 401, 403, 413, 415, 503);
        api.MapPost("/drills", DrillEndpoints.AddAsync).RequireAuthorization(HubPolicies.Administrator).WithName("AuthoriseDrill").WithTags("Drills")
            .ProducesProblems(400, 401, 403, 503);
        api.MapGet("/drills", DrillEndpoints.ListAsync).RequireAuthorization(HubPolicies.Staff).WithName("ListDrills").WithTags("Drills").ProducesProblems(401, 403);
        api.MapGet("/warnings/{id}/drill-report", DrillEndpoints.ReportAsync).WithName("GetDrillReport").WithTags("Drills").ProducesProblems(401, 404, 503);
        api.MapGet("/approvals", ApprovalEndpoints.PendingAsync).RequireAuthorization(HubPolicies.Staff).WithName("ListApprovals").WithTags("Approval")
            .ProducesProblems(401, 403);
        api.MapPost("/warnings/{id}/approve", ApprovalEndpoints.ApproveAsync).RequireAuthorization(HubPolicies.Approver).WithName("ApproveWarning")
            .WithTags("Approval").ProducesProblems(401, 403, 404, 409);
        api.MapPost("/warnings/{id}/reject", ApprovalEndpoints.RejectAsync).RequireAuthorization(HubPolicies.Approver).WithName("RejectWarning")
            .WithTags("Approval").ProducesProblems(400, 401, 403, 404, 409);
        // Signing in needs no key: the password is the credential. Lock-out after repeated failures (Hub:Users).
        app.MapPost("/api/v1/sessions", SessionEndpoints.SignInAsync).AllowAnonymous().WithName("SignIn").WithTags("Sessions").ProducesProblems(400, 401, 423);
        api.MapDelete("/sessions/current", SessionEndpoints.SignOutAsync).WithName("SignOut").WithTags("Sessions");
        api.MapGet("/warnings/{id}", WarningQueries.GetAsync).WithName("GetWarning").ProducesProblems(401, 404);
        api.MapGet("/warnings/{id}/reach", WarningQueries.ReachAsync).WithName("GetReach").ProducesProblems(401, 404, 503);
        api.MapGet("/warnings/{id}/acknowledgements", AcknowledgementQueries.GetAsync).WithName("GetAcknowledgements").ProducesProblems(401, 404);
        api.MapGet("/warnings/{id}/unreached", UnreachedEndpoint.GetAsync).WithName("GetUnreached")
            .Produces<UnreachedResponse>(StatusCodes.Status200OK, "application/json", "text/csv", UnreachedEndpoint.XlsxMediaType)
            .ProducesProblems(400, 401, 404, 503);
        // WeChat signs its calls (checked by the adapter before the body is read); it has no API key.
        api.MapMethods("/callbacks/wechat/{account}", [HttpMethods.Get, HttpMethods.Post], WeChatCallbackEndpoint.HandleAsync)
            .AllowAnonymous().ExcludeFromDescription();
        // HTTP SMS gateways (Kannel's dlr-url) authenticate with the gateway's CallbackToken, checked by the adapter.
        api.MapMethods("/sms/http/{gateway}/receipts", [HttpMethods.Get, HttpMethods.Post], HttpSmsReceiptEndpoint.HandleAsync)
            .AllowAnonymous().ExcludeFromDescription();
        // Voice gateways sign their results (checked with the gateway's secret, timestamp and nonce before anything is recorded).
        api.MapPost(VoiceCallbackEndpoint.Route, VoiceCallbackEndpoint.HandleAsync).AllowAnonymous().ExcludeFromDescription();
        // The broadcaster's SMS link is signed (BroadcastLinks); a phone has no API key.
        var broadcaster = app.MapGroup("/b/{id}/{village}/{token}").AllowAnonymous().ExcludeFromDescription();
        broadcaster.MapGet("", BroadcasterEndpoints.PageAsync);
        broadcaster.MapGet("/audio.wav", BroadcasterEndpoints.AudioAsync);
        broadcaster.MapPost("/played", BroadcasterEndpoints.PlayedAsync);
        var officer = app.MapGroup("/a/{id}/{officer:long}/{token}").AllowAnonymous().ExcludeFromDescription();
        officer.MapGet("", OfficerAckEndpoints.PageAsync);
        officer.MapPost("/received", OfficerAckEndpoints.ReceivedAsync);
        // The village cadre's door-to-door link is signed (DoorLinks) per warning, village and cadre.
        var cadre = app.MapGroup("/d/{id}/{village}/{cadre}/{token}").AllowAnonymous().ExcludeFromDescription();
        cadre.MapGet("", CadreEndpoints.PageAsync);
        cadre.MapPost("/mark", CadreEndpoints.MarkAsync);
        app.MapMethods(ClipEndpoints.Route, [HttpMethods.Get, HttpMethods.Head], ClipEndpoints.WavAsync).AllowAnonymous().WithTags("Loudspeakers");
        app.MapGet("/health", HealthEndpoint.GetAsync).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
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
