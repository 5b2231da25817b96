namespace Beacon.Core.Access;

/// <summary>What someone may try to do with a child's record.</summary>
public enum ChildOperation
{
    View,
    Edit,
    /// <summary>See who viewed and changed the record: auditors only.</summary>
    ViewAccessHistory,
    /// <summary>Restrict the record and name who may see it.</summary>
    ManageAccess,
    /// <summary>
    /// Change looked-after status, placement and which organisations work with the child: the responsible local
    /// authority's decisions, which decide who else sees the record.
    /// </summary>
    ManageCareAndInvolvement,
}
