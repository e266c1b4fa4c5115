namespace WarningHub.Channels.Loudspeaker.Serial.Tests.Support;

/// <summary>Bounded polling for conditions reached by other threads; never a way to assert on speed.</summary>
internal static class Eventually
{
    public static async Task<bool> TrueAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var rounds = (int)(limit.TotalMilliseconds / 10) + 1;
        for (var i = 0; i < rounds; i++)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(10);
        }

        return condition();
    }
}
