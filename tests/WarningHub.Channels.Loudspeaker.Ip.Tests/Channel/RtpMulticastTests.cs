using System.Net;
using System.Net.Sockets;
using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Ip.Rtp;
using WarningHub.Channels.Loudspeaker.Ip.Tests.Support;

namespace WarningHub.Channels.Loudspeaker.Ip.Tests.Channel;

/// <summary>
/// Multicast on the loopback interface with TTL 0: the kernel loops the datagrams back to members on this host and
/// never puts a TTL-0 datagram on a wire, so nothing leaves the machine.
/// </summary>
public class RtpMulticastTests
{
    [Fact]
    public async Task Broadcast_ToAGroup_ReachesEveryMemberWithOneStreamAndIsConfirmedWhenAllPlayed()
    {
        var group = $"239.255.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(1, 255)}:{FreeUdpPort()}";
        await using var network = await SpeakerNetwork.StartAsync(o => o.MulticastInterface = "127.0.0.1");
        var members = new[] { await network.AddSpeakerAsync(o => o.Groups.Add(group)), await network.AddSpeakerAsync(o => o.Groups.Add(group)) };

        var result = await network.Channel.BroadcastAsync(Clips.To($"rtp-multicast://{group}?ttl=0", Clips.MuLaw(10)), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.True(await Eventually.TrueAsync(() => members.All(m => m.Streams is [{ Ended: true }])));
        Assert.Single(members.Select(m => m.Streams[0].Ssrc).Distinct());
        Assert.All(members, m => Assert.Equal((10, 0L, 0), (m.Streams[0].Packets, m.Streams[0].Lost, m.Streams[0].SequenceGaps)));
        Assert.Equal($"{members[0].Streams[0].PlayId}@rtp-multicast://{group}", result.ProviderMessageIds[0]);
        var receipt = Assert.Single(await network.ReceiptsAsync(1));
        Assert.Equal((result.ProviderMessageIds[0], DeliveryStatus.Delivered), (receipt.ProviderMessageId, receipt.Status));
    }

    [Fact]
    public async Task Broadcast_ToAGroupWithNoMemberHeardFrom_IsTemporaryNoMembers()
    {
        await using var network = await SpeakerNetwork.StartAsync();

        var result = await network.Channel.BroadcastAsync(Clips.To("rtp-multicast://239.255.1.1:5004?ttl=0", Clips.MuLaw(1)), CancellationToken.None);

        Assert.Equal((SendOutcome.TemporaryFailure, "NO_MEMBERS"), (result.Outcome, result.ErrorCode));
    }

    [Fact]
    public void MulticastSocket_CarriesTheAddressTtlLoopbackAndInterface()
    {
        using var sockets = new RtpSockets(IPAddress.Loopback, IPAddress.Loopback);

        var socket = sockets.MulticastSocket(7);

        Assert.Equal(7, (int)socket.GetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastTimeToLive)!);
        Assert.NotEqual(0, (int)socket.GetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastLoopback)!);
        Assert.Equal(IPAddress.Loopback, ((IPEndPoint)socket.LocalEndPoint!).Address);
        Assert.Same(socket, sockets.MulticastSocket(7));
        Assert.NotSame(socket, sockets.MulticastSocket(0));
    }

    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
