namespace WarningHub.Core.Cap;

public static partial class CapValidator
{
    /// <summary>
    /// The CAP 1.2 rules plus what this hub needs to send a warning to the public. Each disseminated info block
    /// (<see cref="CapDissemination.InfoIndexes"/>: the Chinese ones, else the first) must say where (an area
    /// with a division-code geocode, polygon or circle, to choose recipients) and until when (expires, so repeats
    /// and escalations stop). Other info blocks need only satisfy CAP: an English translation may describe its
    /// area in words alone. Ack and Error messages are between systems and are never sent out.
    /// </summary>
    public static IReadOnlyList<CapProblem> ValidateForDissemination(CapAlert alert)
    {
        var problems = new Problems();
        problems.List.AddRange(Validate(alert));

        if (alert.MsgType is CapMsgType.Ack or CapMsgType.Error)
        {
            problems.Add("msgType", $"{alert.MsgType} messages are exchanged between systems and are not disseminated");
        }

        foreach (var i in CapDissemination.InfoIndexes(alert))
        {
            var info = alert.Infos[i];
            var path = CapPath.Item(CapPath.Root, "info", i);
            if (!info.Areas.Any(CapGeocodes.Locates))
            {
                problems.Add(
                    CapPath.Child(path, "area"),
                    $"this info ({info.Language}) is disseminated: it needs at least one area with a division-code geocode "
                    + $"({string.Join(" or ", CapGeocodes.DivisionCodeNames)}), a polygon or a circle to choose recipients");
            }

            if (info.Expires is null)
            {
                problems.Add(CapPath.Child(path, "expires"), "dissemination needs an expiry time so repeats and escalations stop");
            }
        }

        return problems.List;
    }
}
