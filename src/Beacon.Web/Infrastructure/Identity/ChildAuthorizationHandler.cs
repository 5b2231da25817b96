using Beacon.Core.Access;
using Beacon.Core.Children;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Beacon.Web.Infrastructure.Identity;

/// <summary>The named operations on a child's record (<see cref="ChildAccess"/> decides them).</summary>
public static class ChildOperations
{
    public static readonly OperationAuthorizationRequirement View = Operations<ChildOperation>.For(ChildOperation.View);
    public static readonly OperationAuthorizationRequirement Edit = Operations<ChildOperation>.For(ChildOperation.Edit);
    public static readonly OperationAuthorizationRequirement ViewAccessHistory = Operations<ChildOperation>.For(ChildOperation.ViewAccessHistory);
    public static readonly OperationAuthorizationRequirement ManageAccess = Operations<ChildOperation>.For(ChildOperation.ManageAccess);
    public static readonly OperationAuthorizationRequirement ManageCareAndInvolvement = Operations<ChildOperation>.For(ChildOperation.ManageCareAndInvolvement);
}

internal sealed class ChildAuthorizationHandler() : RecordAuthorizationHandler<Child, ChildOperation>(ChildAccess.Allows);
