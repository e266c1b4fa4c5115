using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;
using MsLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace WarningHub.Engine.Hosting;

/// <summary>
/// Hangfire's log provider is process-wide (GlobalConfiguration), yet the logger factory belongs to one host. With two
/// hubs in one process (the test suite, a demo beside a server) the second host's Hangfire logged through the first
/// host's disposed factory and a job threw ObjectDisposedException. This provider writes through the factory it was
/// made with while that factory lives, and drops the line once it is disposed.
/// </summary>
internal sealed class HangfireLogBridge(ILoggerFactory factory) : ILogProvider
{
    public ILog GetLogger(string name) => new Forwarder(factory, name);

    private sealed class Forwarder(ILoggerFactory factory, string name) : ILog
    {
        private ILogger? _logger;

        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                var logger = _logger ??= factory.CreateLogger(name);
                var level = logLevel switch
                {
                    HangfireLogLevel.Trace => MsLogLevel.Trace,
                    HangfireLogLevel.Debug => MsLogLevel.Debug,
                    HangfireLogLevel.Info => MsLogLevel.Information,
                    HangfireLogLevel.Warn => MsLogLevel.Warning,
                    HangfireLogLevel.Error => MsLogLevel.Error,
                    _ => MsLogLevel.Critical,
                };
                if (messageFunc is null) return logger.IsEnabled(level);
#pragma warning disable CA2254 // Hangfire hands over finished text, not a template.
                logger.Log(level, exception, messageFunc());
#pragma warning restore CA2254
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
