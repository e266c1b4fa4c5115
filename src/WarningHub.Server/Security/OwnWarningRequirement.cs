using Microsoft.AspNetCore.Authorization;
using WarningHub.Core.Warnings;

namespace WarningHub.Server.Security;

/// <summary>The caller's agency submitted the warning (its record's SubmittedBy), or the caller reads every warning (operators, county staff).</summary>
public sealed class OwnWarningRequirement : IAuthorizationRequirement;

/// <summary>Decides <see cref="OwnWarningRequirement"/> for a stored warning.</summary>
internal sealed class OwnWarningHandler : AuthorizationHandler<OwnWarningRequirement, WarningRecord>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OwnWarningRequirement requirement, WarningRecord resource)
    {
        var agency = context.User.AgencyOf();
        if (context.User.MayReadAll() || (agency is not null && string.Equals(resource.SubmittedBy, agency, StringComparison.Ordinal)))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
