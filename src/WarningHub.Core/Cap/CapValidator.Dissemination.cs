namespace WarningHub.Core.Cap;

public static partial class CapValidator
{
    /// <summary>
    /// The CAP 1.2 rules plus what this hub needs to send a warning to the public: every info must say
    /// where (an area with a geocode, polygon or circle, to choose recipients) and until when (expires, so
    /// repeats and escalations stop). Ack and Error messages are between systems and are never sent out.
    /// </summary>
    public static IReadOnlyList<CapProblem> ValidateForDissemination(CapAlert alert)
    {
        var problems = new Problems();
        problems.List.AddRange(Validate(alert));

        if (alert.MsgType is CapMsgType.Ack or CapMsgType.Error)
        {
            problems.Add("msgType", $"{alert.MsgType} messages are exchanged between systems and are not disseminated");
        }

        for (var i = 0; i < alert.Infos.Count; i++)
        {
            var path = CapPath.Item(CapPath.Root, "info", i);
            if (alert.Infos[i] is not { } info)
            {
                continue;
            }

            if (!info.Areas.Any(area => area is not null && area.HasLocation))
            {
                problems.Add(
                    CapPath.Child(path, "area"),
                    "dissemination needs at least one area with a geocode, polygon or circle to choose recipients");
            }

            if (info.Expires is null)
            {
                problems.Add(CapPath.Child(path, "expires"), "dissemination needs an expiry time so repeats and escalations stop");
            }
        }

        return problems.List;
    }
}
