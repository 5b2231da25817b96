using Beacon.Core.Access;

namespace Beacon.Core.Children;

public class ChildAlias
{
    private ChildAlias() { }
    internal ChildAlias(Guid childId, string name, DateTime nowUtc)
    {
        Id = Guid.NewGuid(); ChildId = childId; Name = name; AddedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public string Name { get; private set; } = "";
    public DateTime AddedAtUtc { get; private set; }
    public DateTime? WithdrawnAtUtc { get; private set; }
    public string? WithdrawnReason { get; private set; }

    internal void Withdraw(string reason, DateTime nowUtc) { WithdrawnAtUtc = nowUtc; WithdrawnReason = reason; }
}

public class ChildAddress
{
    private ChildAddress() { }
    internal ChildAddress(Guid childId, string line1, string town, string postcode, DateOnly from)
    {
        Id = Guid.NewGuid(); ChildId = childId; Line1 = line1; Town = town; Postcode = postcode; From = from;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public string Line1 { get; private set; } = "";
    public string Town { get; private set; } = "";
    public string Postcode { get; private set; } = "";
    public DateOnly From { get; private set; }
    public DateOnly? To { get; private set; }

    internal void End(DateOnly to) => To = to;
}

/// <summary>An organisation working with a child. Ended involvements stay on file.</summary>
public class OrganisationInvolvement
{
    private OrganisationInvolvement() { }
    internal OrganisationInvolvement(Guid childId, Guid organisationId, Agency agency, DateTime nowUtc)
    {
        Id = Guid.NewGuid(); ChildId = childId; OrganisationId = organisationId; Agency = agency; StartedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public Guid OrganisationId { get; private set; }
    /// <summary>The organisation's kind, kept beside it so lists by kind need no join.</summary>
    public Agency Agency { get; private set; }
    public DateTime StartedAtUtc { get; private set; }
    public DateTime? EndedAtUtc { get; private set; }

    internal void End(DateTime nowUtc) => EndedAtUtc = nowUtc;
}

/// <summary>A person named on a restricted record. Revoked grants stay on file.</summary>
public class ChildAccessGrant
{
    private ChildAccessGrant() { }
    internal ChildAccessGrant(Guid childId, string userId, string grantedByUserId, DateTime nowUtc)
    {
        Id = Guid.NewGuid(); ChildId = childId; UserId = userId; GrantedByUserId = grantedByUserId; GrantedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public string UserId { get; private set; } = "";
    public string GrantedByUserId { get; private set; } = "";
    public DateTime GrantedAtUtc { get; private set; }
    public DateTime? RevokedAtUtc { get; private set; }

    internal void Revoke(DateTime nowUtc) => RevokedAtUtc = nowUtc;
}
