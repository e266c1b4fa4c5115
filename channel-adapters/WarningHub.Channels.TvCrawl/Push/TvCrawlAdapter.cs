using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RestSharp;
using WarningHub.Abstractions;

namespace WarningHub.Channels.TvCrawl;

/// <summary>
/// The TV caption channel (ledger channel <c>tv</c>): a message's address is a TV channel name; the caption is
/// composed for that channel's length and pushed to the station over HTTP. Stations confirm that a caption went
/// on air through <see cref="Confirm"/>, which turns into a <see cref="Receipt"/>. Channels without a push URL
/// read the pull feed the server offers instead, so only push channels are <see cref="Addresses"/> to plan for.
/// </summary>
public sealed partial class TvCrawlAdapter : ITextSender, IReceiptSource, IFixedAddresses, IDisposable
{
    /// <summary>The ledger channel this adapter serves.</summary>
    public const string ChannelName = "tv";

    /// <summary>The header that carries a channel's <see cref="TvChannelOptions.CallbackSecret"/>.</summary>
    public const string SecretHeader = "X-Tv-Secret";

    private readonly TvCrawlOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TvCrawlAdapter> _logger;
    private readonly RestClient _client;
    private readonly Channel<Receipt> _receipts = Channel.CreateBounded<Receipt>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.Wait, SingleReader = false });

    /// <summary>Creates the adapter; options are validated by the container before this runs.</summary>
    public TvCrawlAdapter(IOptions<TvCrawlOptions> options, TimeProvider time, ILogger<TvCrawlAdapter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        // Redirects are not followed: a POST silently turned into a GET would look like a success.
        _client = new RestClient(new RestClientOptions
        {
            FollowRedirects = false,
            Timeout = _options.PushTimeout,
            UserAgent = "WarningHub-TvCrawl",
        });
        Definition = new ChannelDefinition(ChannelName, ChannelName,
            _options.Channels.Count == 0 ? CaptionComposer.MinLength : _options.Channels.Max(c => c.MaxLength),
            SupportsReceipts: true, _options.MaxInFlight)
        {
            Settings = new Dictionary<string, string>
            {
                [nameof(TvChannelOptions.Name)] = "channel name: the message address and the feed URL",
                [nameof(TvChannelOptions.MaxLength)] = "longest caption in characters",
                [nameof(TvChannelOptions.PushUrl)] = "station URL captions are POSTed to; none for pull-only channels",
                [nameof(TvChannelOptions.Profile)] = "push wire format (HttpJson)",
                [nameof(TvChannelOptions.CallbackSecret)] = $"shared secret of on-air confirmations ({SecretHeader} header)",
            },
        };
    }

    /// <inheritdoc />
    public ChannelDefinition Definition { get; }

    /// <inheritdoc />
    public ChannelReader<Receipt> Receipts => _receipts.Reader;

    /// <summary>The configured channels.</summary>
    public IReadOnlyList<TvChannelOptions> Channels => _options.Channels;

    /// <summary>The channels captions are pushed to (those with a push URL): the addresses the engine plans slots for.</summary>
    public IReadOnlyList<string> Addresses => _options.Channels.Where(c => c.PushUrl is not null).Select(c => c.Name).ToList();

    /// <summary>The id receipts carry: station ids are only unique per station, so the channel name comes first.</summary>
    public static string ProviderIdOf(string channel, string stationId) => channel + "/" + stationId;

    /// <inheritdoc />
    public void Dispose()
    {
        _client.Dispose();
        _receipts.Writer.TryComplete();
    }
}
