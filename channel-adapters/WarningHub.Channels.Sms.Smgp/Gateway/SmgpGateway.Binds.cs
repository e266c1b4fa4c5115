using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smgp.Session;
using WarningHub.Channels.Sms.Common.Transport;

namespace WarningHub.Channels.Sms.Smgp;

public sealed partial class SmgpGateway
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

        _logger.LogInformation("SMGP gateway {Gateway}: stopped.", Name);
    }

    /// <summary>A connected session, preferring one with room in its window; null when none is connected now.</summary>
    private SmgpSession? PickSession() => _links.Pick();

    private CarrierLinks<SmgpSession> NewLinks() => new(
        new CarrierLinkSettings("SMGP", Name, _options.Host, _options.Port, _options.Binds, _options.ConnectTimeout, _options.ReconnectMin, _options.ReconnectMax),
        new Login(this), _time, _logger);

    /// <summary>The SMGP words of keeping a connection.</summary>
    private sealed class Login(SmgpGateway gateway) : ICarrierLogin<SmgpSession>
    {
        public string UpDescription => $"logged in to {gateway._options.Host}:{gateway._options.Port}";

        public SmgpSession Create(Socket socket, string bindName) => new(socket, bindName, gateway._options, gateway._time, gateway._loggerFactory.CreateLogger<SmgpSession>(), gateway.OnDeliver);

        public Task LoginAsync(SmgpSession session, CancellationToken cancellationToken) => session.LoginAsync(gateway.Name, cancellationToken);

        public Task GoodbyeAsync(SmgpSession session, CancellationToken cancellationToken) => session.ExitAsync(cancellationToken);

        public string? RefusalOf(Exception exception) => exception is SmgpLoginException ? exception.Message : null;
    }
}
