using Microsoft.AspNetCore.Http;

namespace WarningHub.Simulators.WeChat;

/// <summary>
/// client_msg_id (防重入id): one message per openid and client_msg_id within 10 minutes; a repeat is answered
/// 45065 "clientmsgid exist" with the first message's msgid, as WeChat answers a repeated clientmsgid of a mass send,
/// and is neither recorded nor reported by an event. Also lost answers, to let tests resend after one.
/// </summary>
public sealed partial class WeChatSimulator
{
    /// <summary>How long WeChat remembers a client_msg_id.</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(10);

    private readonly Dictionary<(string OpenId, string ClientMsgId), (long MsgId, DateTimeOffset At)> _recent = [];
    private readonly Queue<(string OpenId, string ClientMsgId)> _recentOrder = new();
    private readonly Lock _acceptLock = new();
    private long _repeatsDropped;
    private int _answersToLose;

    /// <summary>Template sends dropped as repeats of a client_msg_id seen in the last 10 minutes.</summary>
    public long RepeatsDropped => Interlocked.Read(ref _repeatsDropped);

    /// <summary>
    /// The next <paramref name="count"/> template sends are accepted (recorded, their events posted) but the connection
    /// is cut before the answer, as when a link drops after the request left.
    /// </summary>
    public void LoseAnswers(int count) => Interlocked.Exchange(ref _answersToLose, count);

    /// <summary>The msgid of an accepted message with this openid and client_msg_id in the last 10 minutes, if any.</summary>
    private long? RecentRepeat(string openId, string? clientMsgId)
    {
        if (clientMsgId is null)
        {
            return null;
        }

        var now = Now;
        while (_recentOrder.TryPeek(out var oldest) && _recent.TryGetValue(oldest, out var seen) && now - seen.At >= RepeatWindow)
        {
            _recent.Remove(_recentOrder.Dequeue());
        }

        return _recent.TryGetValue((openId, clientMsgId), out var first) && now - first.At < RepeatWindow ? first.MsgId : null;
    }

    private void Remember(string openId, string? clientMsgId, long msgId)
    {
        if (clientMsgId is not null)
        {
            _recent[(openId, clientMsgId)] = (msgId, Now);
            _recentOrder.Enqueue((openId, clientMsgId));
        }
    }

    /// <summary>True (and the connection cut) when this answer is one to lose.</summary>
    private bool LoseAnswer(HttpContext context)
    {
        var left = Volatile.Read(ref _answersToLose);
        while (left > 0)
        {
            var seen = Interlocked.CompareExchange(ref _answersToLose, left - 1, left);
            if (seen == left)
            {
                context.Abort();
                return true;
            }

            left = seen;
        }

        return false;
    }
}
