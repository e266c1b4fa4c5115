using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smpp.Protocol;
using WarningHub.Channels.Sms.Smpp.Results;
using WarningHub.Channels.Sms.Smpp.Session;

namespace WarningHub.Channels.Sms.Smpp;

public sealed partial class SmppGateway
{
    private GatewayHealth _health;

    /// <summary>
    /// Up while at least one bind is live; otherwise down with the last reason a bind could not be made (for a
    /// refused bind: which settings to check) and the moment the gateway went down. A bind whose link has dropped but
    /// that has not left the live set yet does not count: health agrees with what a send would find.
    /// </summary>
    public GatewayHealth Health
    {
        get
        {
            var health = Volatile.Read(ref _health);
            if (health.IsUp && !Array.Exists(Volatile.Read(ref _live), s => s.IsBound))
            {
                return GatewayHealth.Down($"The SMPP link of gateway {Name} dropped; reconnecting.", _time.GetUtcNow());
            }

            return health;
        }
    }

    private void SetHealth(GatewayHealth health) => Volatile.Write(ref _health, health);

    private void MarkUp()
    {
        lock (_lifecycleLock)
        {
            if (!_health.IsUp && _stopping is not null)
            {
                _health = GatewayHealth.Up(_time.GetUtcNow());
            }
        }
    }

    /// <summary>Down with <paramref name="problem"/> unless a bind is live; the time it went down is kept.</summary>
    private void MarkDownIfNoBind(string problem)
    {
        lock (_lifecycleLock)
        {
            if (_live.Length > 0 || _stopping is null)
            {
                return;
            }

            _health = GatewayHealth.Down(problem, _health.IsUp ? _time.GetUtcNow() : _health.Since);
        }
    }

    private string DescribeFailure(Exception failure) => failure switch
    {
        SmppBindException { Status: CommandStatus.BindFailed or CommandStatus.InvalidPassword or CommandStatus.InvalidSystemId } refused =>
            $"The SMSC refused the bind with {CommandStatusTable.NameOf(refused.Status!.Value)}: check SystemId and Password of gateway {Name}.",
        SmppBindException other => $"The SMSC did not bind gateway {Name}: {other.Message}",
        System.Net.Sockets.SocketException or OperationCanceledException =>
            $"Cannot connect gateway {Name} to the SMSC at {_options.Host}:{_options.Port}: {failure.Message}",
        _ => $"Gateway {Name} could not bind: {failure.Message}",
    };
}
