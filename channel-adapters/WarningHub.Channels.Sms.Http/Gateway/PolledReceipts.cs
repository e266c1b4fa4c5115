using WarningHub.Abstractions;

namespace WarningHub.Channels.Sms.Http.Gateway;

/// <summary>What one receipt pull brought: the final receipts, how many entries the page listed (a full page means pull again), or why it could not be read.</summary>
internal readonly record struct PolledReceipts(IReadOnlyList<Receipt> Receipts, int Listed, string? Problem)
{
    public static PolledReceipts Failed(string problem) => new([], 0, problem);
}
