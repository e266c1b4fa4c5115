using System.Security.Claims;
using WarningHub.Core.Users;
using WarningHub.Server.Configuration;

namespace WarningHub.Server.Security;

/// <summary>
/// What the API-key handler knows about the caller, as claims: the agency's name, the CAP senders it may submit
/// as (none means any) and, for the county's own operators, that it reads every warning.
/// </summary>
public static class AgencyClaims
{
    public const string Agency = "warninghub:agency";
    public const string Sender = "warninghub:sender";
    public const string ReadsAll = "warninghub:reads-all";
    public const string User = "warninghub:user";

    public static ClaimsPrincipal PrincipalOf(AgencyOptions agency, string scheme)
    {
        ArgumentNullException.ThrowIfNull(agency);
        var claims = new List<Claim> { new(ClaimTypes.Name, agency.Name), new(Agency, agency.Name) };
        claims.AddRange(agency.Senders.Select(s => new Claim(Sender, s)));
        if (agency.ReadsAll) claims.Add(new Claim(ReadsAll, "true"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>
    /// A signed-in user: its name and role, and, when it submits for an agency, that agency's claims. The county's
    /// staff (duty officers, approvers, administrators) read every warning.
    /// </summary>
    public static ClaimsPrincipal PrincipalOfUser(HubUser user, AgencyOptions? agency, string scheme)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Name), new(User, user.Name), new(ClaimTypes.Role, user.Role.ToString()) };
        if (agency is not null)
        {
            claims.Add(new Claim(Agency, agency.Name));
            claims.AddRange(agency.Senders.Select(s => new Claim(Sender, s)));
        }
        if (user.Role is HubRole.DutyOfficer or HubRole.Approver or HubRole.Administrator) claims.Add(new Claim(ReadsAll, "true"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The signed-in user's name, or null for an agency's key or an anonymous caller.</summary>
    public static string? UserOf(this ClaimsPrincipal user) => user?.FindFirst(User)?.Value;

    /// <summary>The agency's name, or null for an anonymous caller.</summary>
    public static string? AgencyOf(this ClaimsPrincipal user) => user?.FindFirst(Agency)?.Value;

    /// <summary>True when the agency may submit as <paramref name="sender"/>: it is listed, or the agency lists none.</summary>
    public static bool MaySubmitAs(this ClaimsPrincipal user, string sender)
    {
        ArgumentNullException.ThrowIfNull(user);
        var senders = user.FindAll(Sender).Select(c => c.Value).ToList();
        return senders.Count == 0 || senders.Contains(sender, StringComparer.Ordinal);
    }

    public static bool MayReadAll(this ClaimsPrincipal user) => user?.HasClaim(c => c.Type == ReadsAll) == true;
}
