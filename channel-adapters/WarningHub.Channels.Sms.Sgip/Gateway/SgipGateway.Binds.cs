using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Sgip.Session;
using WarningHub.Channels.Sms.Common.Transport;

namespace WarningHub.Channels.Sms.Sgip;

public sealed partial class SgipGateway
{
    private Task _acceptLoop = Task.CompletedTask;

    /// <inheritdoc />
    public GatewayHealth Health => _links.Health;

    /// <summary>
    /// Starts every connection and returns when one is up, or when each has made its first attempt (the gateway may be
    /// down: connections keep retrying with back-off, and <see cref="Health"/> says why it is down).
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken) => _links.StartAsync(stopping =>
    {
        // The SMG's own connection (reports, replies) is taken from the start; a port that cannot be opened throws: it is a setting error.
        StartListening();
        _acceptLoop = AcceptLoopAsync(stopping);
    }, cancellationToken);

    /// <summary>Says goodbye on every connection, letting outstanding Submits be answered until the token fires.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!await _links.StopAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        await StopListeningAsync(cancellationToken).ConfigureAwait(false);

        _logger.LogInformation("SGIP gateway {Gateway}: stopped.", Name);
    }

    /// <summary>A connected session, preferring one with room in its window; null when none is connected now.</summary>
    private SgipSession? PickSession() => _links.Pick();

    private CarrierLinks<SgipSession> NewLinks() => new(
        new CarrierLinkSettings("SGIP", Name, _options.Host, _options.Port, _options.Binds, _options.ConnectTimeout, _options.ReconnectMin, _options.ReconnectMax),
        new Login(this), _time, _logger);

    /// <summary>The SGIP words of keeping a connection.</summary>
    private sealed class Login(SgipGateway gateway) : ICarrierLogin<SgipSession>
    {
        public string UpDescription => $"bound to {gateway._options.Host}:{gateway._options.Port}";

        public SgipSession Create(Socket socket, string bindName) => new(socket, bindName, SgipSession.SessionRole.ToSmg, gateway._options, gateway._sequencer, gateway._time, gateway._loggerFactory.CreateLogger<SgipSession>(), gateway.Incoming);

        public Task LoginAsync(SgipSession session, CancellationToken cancellationToken) => session.BindAsync(gateway.Name, cancellationToken);

        public Task GoodbyeAsync(SgipSession session, CancellationToken cancellationToken) => session.UnbindAsync(cancellationToken);

        public string? RefusalOf(Exception exception) => exception is SgipBindException ? exception.Message : null;
    }
}
