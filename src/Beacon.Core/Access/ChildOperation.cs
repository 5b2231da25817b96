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
}
