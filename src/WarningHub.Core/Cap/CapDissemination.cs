namespace WarningHub.Core.Cap;

/// <summary>
/// Which info blocks of an alert this hub sends out. Messages, captions and bulletins are Chinese: every
/// Chinese info block (language <c>zh</c> or <c>zh-…</c>) is disseminated; an alert without one is
/// disseminated from its first info block. Other blocks (an English translation, say) travel with the stored
/// CAP but are not what people receive, so the hub asks less of them (see
/// <see cref="CapValidator.ValidateForDissemination"/>).
/// </summary>
public static class CapDissemination
{
    /// <summary>True for <c>zh</c> and <c>zh-CN</c>, <c>zh-Hans-CN</c>…; false for other languages such as <c>zha</c> (Zhuang).</summary>
    public static bool IsChinese(string? language) =>
        language is not null
        && (language.Equals("zh", StringComparison.OrdinalIgnoreCase) || language.StartsWith("zh-", StringComparison.OrdinalIgnoreCase));

    /// <summary>Positions (in <see cref="CapAlert.Infos"/>) of the info blocks that are disseminated, in order.</summary>
    public static IReadOnlyList<int> InfoIndexes(CapAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var chinese = new List<int>();
        var first = -1;
        for (var i = 0; i < alert.Infos.Count; i++)
        {
            if (alert.Infos[i] is not { } info)
            {
                continue;
            }

            first = first < 0 ? i : first;
            if (IsChinese(info.Language))
            {
                chinese.Add(i);
            }
        }

        return chinese.Count > 0 ? chinese : first < 0 ? [] : [first];
    }

    /// <summary>The info block messages are made from: the first Chinese one, else the first one; null when there is none.</summary>
    public static CapInfo? MainInfo(CapAlert alert)
    {
        var indexes = InfoIndexes(alert);
        return indexes.Count == 0 ? null : alert.Infos[indexes[0]];
    }
}
