using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WarningHub.Audio;

/// <summary>Registers the bulletin service.</summary>
public static class AudioServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IWarningAudio"/> with options bound from <paramref name="section"/> (e.g. the
    /// <c>Audio</c> section). A key that matches no option is an error, so a misspelt setting is never silently
    /// ignored; options are validated at start-up.
    /// </summary>
    public static IServiceCollection AddWarningAudio(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        AddCore(services).Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
        return services;
    }

    /// <summary>Registers <see cref="IWarningAudio"/> with options set in code.</summary>
    public static IServiceCollection AddWarningAudio(this IServiceCollection services, Action<AudioOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        AddCore(services).Configure(configure);
        return services;
    }

    private static OptionsBuilder<AudioOptions> AddCore(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AudioOptions>, AudioOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider =>
            BroadcastTemplates.Load(provider.GetRequiredService<IOptions<AudioOptions>>().Value.TemplateFolder));
        services.TryAddSingleton(CreateSynthesizer);
        services.TryAddSingleton<IWarningAudio, WarningAudio>();
        return services.AddOptions<AudioOptions>().ValidateOnStart();
    }

    private static ISpeechSynthesizer CreateSynthesizer(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<AudioOptions>>().Value;
        return options.SpeechEngine switch
        {
            SpeechEngines.EspeakNg => new EspeakSynthesizer(options, provider.GetService<ILogger<EspeakSynthesizer>>()),
            SpeechEngines.Http => new HttpSpeechSynthesizer(options),
            _ => new NoSpeechSynthesizer(),
        };
    }
}
