using Beacon.Core.Access;
using Beacon.Core.Children;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Beacon.Web.Infrastructure.Identity;

/// <summary>Answers "may this user do operation X to this child's record" from the domain's access rules.</summary>
public static class ChildOperations
{
    public static readonly OperationAuthorizationRequirement View = new() { Name = nameof(ChildOperation.View) };
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(ChildOperation.Edit) };
    public static readonly OperationAuthorizationRequirement ViewAccessHistory = new() { Name = nameof(ChildOperation.ViewAccessHistory) };
    public static readonly OperationAuthorizationRequirement ManageAccess = new() { Name = nameof(ChildOperation.ManageAccess) };
}

internal sealed class ChildAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, Child>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Child child)
    {
        if (Enum.TryParse<ChildOperation>(requirement.Name, out var operation) && ChildAccess.Allows(context.User.ToActor(), operation, child))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
