namespace Beacon.Core.Common;

/// <summary>
/// An editable record. <see cref="Version"/> is the optimistic-concurrency token: a save based on
/// an older version is refused rather than silently overwriting someone else's change.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
