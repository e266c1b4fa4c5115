using WarningHub.Abstractions;

namespace WarningHub.Testing.Contracts;

/// <summary>
/// One adapter beside the peer it talks to (a simulator written apart from it, or a real server), as the channel-adapter
/// contract drives it. Each adapter's test project supplies one.
/// </summary>
public abstract class ChannelAdapterFixture : IAsyncDisposable
{
    /// <summary>The adapter under test, started and ready to send.</summary>
    public abstract IChannelAdapter Adapter { get; }

    /// <summary>Requests the peer has taken so far that carry a message: submits, pushes, streams, uploads, frames.</summary>
    public abstract int PeerRequests { get; }

    /// <summary>Requests the peer takes for one message sent by <see cref="SendAsync"/>.</summary>
    public virtual int RequestsPerMessage => 1;

    /// <summary>Sends one short message of the channel's kind to recipient <paramref name="recipient"/> (0, 1 or 2).</summary>
    public abstract ValueTask<DeliveryResult> SendAsync(int recipient, long reference, CancellationToken cancellationToken);

    /// <summary>From now on the peer answers with a gateway error (a refusal, a server error, no answer at all).</summary>
    public abstract Task PeerFailsAsync();

    /// <summary>Takes the peer away (stops listening); returns once it is gone.</summary>
    public abstract Task PeerDownAsync();

    public abstract ValueTask DisposeAsync();
}

/// <summary>A fixture whose peer confirms delivery: the adapter reports receipts.</summary>
public abstract class ReceiptingAdapterFixture : ChannelAdapterFixture
{
    /// <summary>The adapter's receipts.</summary>
    public IReceiptSource Receipts => (IReceiptSource)Adapter;

    /// <summary>Makes the peer confirm what it has taken, where it does not do so by itself.</summary>
    public virtual Task PeerConfirmsAsync() => Task.CompletedTask;
}
