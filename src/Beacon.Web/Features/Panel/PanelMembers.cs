using Beacon.Core.Access;
using Beacon.Core.Panel;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Web.Features.Panel;

/// <summary>
/// Who sits on a panel. A current member sees, on the panel's meetings, the children on the agenda and what the panel
/// recorded about them, and may receive its minutes: what the panel needs, not the children's whole records. Every
/// such view is audited against the child.
/// </summary>
public sealed class PanelMembers(BeaconDbContext db)
{
    public sealed record Member(Guid Id, int Version, string UserId, string Name, string Organisation, DateTime AddedAtUtc);
    public sealed record Candidate(string UserId, string Label);

    public Task<bool> IsMemberAsync(Guid panelOrganisationId, string userId, CancellationToken ct) =>
        db.Set<PanelMember>().AnyAsync(m => m.PanelOrganisationId == panelOrganisationId && m.UserId == userId && m.EndedAtUtc == null, ct);

    public Task<List<Member>> CurrentAsync(Guid panelOrganisationId, CancellationToken ct) =>
        (from m in db.Set<PanelMember>().AsNoTracking()
         where m.PanelOrganisationId == panelOrganisationId && m.EndedAtUtc == null
         join p in db.People() on m.UserId equals p.Id
         orderby p.OrganisationName, p.DisplayName
         select new Member(m.Id, m.Version, m.UserId, p.DisplayName, p.OrganisationName, m.AddedAtUtc)).ToListAsync(ct);

    /// <summary>People who may sit on the panel or receive its minutes: practitioners at the organisations serving its areas.</summary>
    public Task<List<Candidate>> CandidatesAsync(Guid panelOrganisationId, CancellationToken ct)
    {
        var areas = db.OrganisationAreas.Where(a => a.OrganisationId == panelOrganisationId).Select(a => a.AreaId);
        var organisations = db.OrganisationAreas.Where(a => areas.Contains(a.AreaId)).Select(a => a.OrganisationId);
        var practitionerRoles = BeaconRoles.Practitioners.ToList();
        return (from p in db.People()
                where organisations.Contains(p.OrganisationId)
                join u in db.Users on p.Id equals u.Id
                where !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && practitionerRoles.Contains(r.Name!)))
                orderby p.OrganisationName, p.DisplayName
                select new Candidate(p.Id, p.DisplayName + " – " + p.OrganisationName)).Take(500).ToListAsync(ct);
    }
}

internal sealed class PanelMemberConfiguration : IEntityTypeConfiguration<PanelMember>
{
    public void Configure(EntityTypeBuilder<PanelMember> member)
    {
        member.ToTable("PanelMembers");
        member.HasKey(m => m.Id);
        member.Property(m => m.Id).ValueGeneratedNever();
        member.Ignore(m => m.IsCurrent);
        foreach (var userId in new[] { nameof(PanelMember.UserId), nameof(PanelMember.AddedByUserId), nameof(PanelMember.EndedByUserId) })
            member.Property(userId).HasMaxLength(450);
        // One current membership per person and panel, however many times the chair clicks.
        member.HasIndex(m => new { m.PanelOrganisationId, m.UserId }).IsUnique().HasFilter("\"EndedAtUtc\" IS NULL");
    }
}
