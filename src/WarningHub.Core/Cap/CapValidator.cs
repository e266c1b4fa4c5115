namespace WarningHub.Core.Cap;

/// <summary>
/// Checks a CAP alert against the CAP 1.2 rules (<see cref="Validate"/>) and, for warnings this hub sends
/// to the public, against the hub's own needs (<see cref="ValidateForDissemination"/>).
/// Every problem is returned, each with the path of the field and the reason.
/// </summary>
public static partial class CapValidator
{
    /// <summary>The CAP 1.2 rules.</summary>
    public static IReadOnlyList<CapProblem> Validate(CapAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var problems = new Problems();
        ValidateAlert(alert, problems);
        for (var i = 0; i < alert.Infos.Count; i++)
        {
            ValidateInfo(alert, alert.Infos[i], CapPath.Item(CapPath.Root, "info", i), problems);
        }

        return problems.List;
    }

    private static void ValidateAlert(CapAlert alert, Problems problems)
    {
        problems.Token(alert.Identifier, "identifier");
        problems.Token(alert.Sender, "sender");
        LimitAlert(alert, problems);
        problems.RequiredTime(alert.Sent, "sent");
        problems.Code(alert.Status, "status");
        problems.Code(alert.MsgType, "msgType");
        problems.Code(alert.Scope, "scope");

        if (alert.Scope == CapScope.Restricted && string.IsNullOrWhiteSpace(alert.Restriction))
        {
            problems.Add("restriction", "is required when scope is Restricted: say who may receive the message");
        }

        if (alert.Scope == CapScope.Private && alert.Addresses.Count == 0)
        {
            problems.Add("addresses", "at least one address is required when scope is Private");
        }

        problems.NonEmptyEntries(alert.Addresses, "addresses");
        problems.NonEmptyEntries(alert.Codes, "code");
        problems.NonEmptyEntries(alert.Incidents, "incidents");
        ValidateReferences(alert, problems);

        if (alert.MsgType is CapMsgType.Alert or CapMsgType.Update && alert.Infos.Count == 0)
        {
            problems.Add("info", $"at least one info is required for msgType {alert.MsgType}");
        }
    }

    private static void ValidateReferences(CapAlert alert, Problems problems)
    {
        if (alert.MsgType is CapMsgType.Update or CapMsgType.Cancel or CapMsgType.Ack or CapMsgType.Error
            && alert.References.Count == 0)
        {
            problems.Add("references", $"is required for msgType {alert.MsgType}: name the message(s) as sender,identifier,sent");
        }

        for (var i = 0; i < alert.References.Count; i++)
        {
            var path = CapPath.Item(CapPath.Root, "references", i);
            if (alert.References[i] is not { } reference)
            {
                problems.Add(path, "is missing");
                continue;
            }

            problems.Token(reference.Sender, CapPath.Child(path, "sender"));
            problems.Token(reference.Identifier, CapPath.Child(path, "identifier"));
            problems.RequiredTime(reference.Sent, CapPath.Child(path, "sent"));
            if (reference.Names(alert))
            {
                problems.Add(path, "refers to this message itself");
            }
            else if (reference.Sent != default && alert.Sent != default && reference.Sent > alert.Sent)
            {
                problems.Add(path, $"was sent ({CapTime.Format(reference.Sent)}) after this message ({CapTime.Format(alert.Sent)})");
            }
        }
    }
}
