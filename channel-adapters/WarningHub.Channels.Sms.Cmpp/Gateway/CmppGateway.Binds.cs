using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Cmpp.Session;
using WarningHub.Channels.Sms.Common.Transport;

namespace WarningHub.Channels.Sms.Cmpp;

public sealed partial class CmppGateway
{
    /// <inheritdoc />
    public GatewayHealth Health => _links.Health;

    /// <summary>
    /// Starts every connection and returns when one is up, or when each has made its first attempt (the gateway may be
    /// down: connections keep retrying with back-off, and <see cref="Health"/> says why it is down).
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken) => _links.StartAsync(null, cancellationToken);

    /// <summary>Says goodbye on every connection, letting outstanding Submits be answered until the token fires.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!await _links.StopAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        _logger.LogInformation("CMPP gateway {Gateway}: stopped.", Name);
    }

    /// <summary>A connected session, preferring one with room in its window; null when none is connected now.</summary>
    private CmppSession? PickSession() => _links.Pick();

    private CarrierLinks<CmppSession> NewLinks() => new(
        new CarrierLinkSettings("CMPP", Name, _options.Host, _options.Port, _options.Binds, _options.ConnectTimeout, _options.ReconnectMin, _options.ReconnectMax),
        new Login(this), _time, _logger);

    /// <summary>The CMPP words of keeping a connection.</summary>
    private sealed class Login(CmppGateway gateway) : ICarrierLogin<CmppSession>
    {
        public string UpDescription => $"connected to {gateway._options.Host}:{gateway._options.Port} as {gateway._version}";

        public CmppSession Create(Socket socket, string bindName) => new(socket, bindName, gateway._options, gateway._time, gateway._loggerFactory.CreateLogger<CmppSession>(), gateway.OnDeliver);

        public Task LoginAsync(CmppSession session, CancellationToken cancellationToken) => session.ConnectAsync(gateway.Name, cancellationToken);

        public Task GoodbyeAsync(CmppSession session, CancellationToken cancellationToken) => session.TerminateAsync(cancellationToken);

        public string? RefusalOf(Exception exception) => exception is CmppConnectException ? exception.Message : null;
    }
}
