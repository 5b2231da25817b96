namespace Beacon.Core.Common;

/// <summary>
/// A record whose content and authorship stay out of the general audit log (which auditors read, and which a
/// confidential concern may name): the log says only that such a record was created or changed, and when. The record
/// keeps its own accountable trail of who handled it.
/// </summary>
public interface IConfidentialRecord;
