using Beacon.Core.Access;
using Beacon.Core.Actions;
using Beacon.Core.Children;
using Beacon.Web.Features.Children;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Web.Features.Actions;

/// <summary>An action as lists show it: what, who (and for which organisation), when due, and how it was done.</summary>
public sealed record ActionRow(Guid Id, Guid ChildId, Guid? CaseId, ActionSource Source, string Description, string OwnerUserId, string Owner, string Organisation,
    DateOnly DueOn, DateOnly? DoneOn, string? Evidence, DateTime AgreedAtUtc, int Version);

/// <summary>A table of agreed actions (_ActionsTable.cshtml): "Mark done" is offered on the case's page for the actions in <paramref name="MayMarkDone"/>.</summary>
public sealed record ActionsTable(string Id, string Caption, IReadOnlyList<ActionRow> Rows, DateOnly Today, Guid CaseId, IReadOnlySet<Guid> MayMarkDone);

/// <summary>The queries every page about agreed actions shares.</summary>
public sealed class AgreedActions(BeaconDbContext db)
{
    /// <summary>Actions of one case (or of a child outside any case), open ones first by due date, then done ones.</summary>
    public IQueryable<ActionRow> Rows(Guid childId, Guid? caseId, Guid? actionId = null) =>
        from a in db.Set<AgreedAction>().AsNoTracking()
        where a.ChildId == childId && a.CaseId == caseId && (actionId == null || a.Id == actionId)
        join p in db.People() on a.OwnerUserId equals p.Id into owners
        from p in owners.DefaultIfEmpty()
        orderby a.DoneOn != null, a.DueOn
        select new ActionRow(a.Id, a.ChildId, a.CaseId, a.Source, a.Description, a.OwnerUserId, p == null ? a.OwnerUserId : p.DisplayName,
            p == null ? "" : p.OrganisationName, a.DueOn, a.DoneOn, a.Evidence, a.AgreedAtUtc, a.Version);

    /// <summary>
    /// Who may own an action for this child: people at the organisations involved with the child (and the social care
    /// of the child's local authority, who run the case), as "Name – Organisation" choices. Bounded by the child's
    /// involvements, not by the size of Beacon.
    /// </summary>
    public async Task<IReadOnlyList<(string UserId, Guid OrganisationId, string Label)>> PossibleOwnersAsync(Child child, Guid socialCareOrganisationId, CancellationToken ct)
    {
        var organisations = child.CurrentInvolvements.Select(i => i.OrganisationId).Append(socialCareOrganisationId).Distinct().ToList();
        var people = await (from u in db.Users.AsNoTracking()
                            where !u.IsDisabled && organisations.Contains(u.OrganisationId)
                            join o in db.Organisations on u.OrganisationId equals o.Id
                            orderby o.Name, u.DisplayName
                            select new { u.Id, u.OrganisationId, u.DisplayName, Organisation = o.Name })
            .Take(500).ToListAsync(ct);
        return people.Select(p => (p.Id, p.OrganisationId, $"{p.DisplayName} – {p.Organisation}")).ToList();
    }
}

internal sealed class AgreedActionConfiguration : IEntityTypeConfiguration<AgreedAction>
{
    public void Configure(EntityTypeBuilder<AgreedAction> action)
    {
        action.ToTable("AgreedActions");
        action.HasKey(a => a.Id);
        action.Property(a => a.Id).ValueGeneratedNever();
        action.HasOne<Child>().WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Restrict);
        action.HasOne<Core.Cases.Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        action.Property(a => a.Description).HasMaxLength(AgreedAction.DescriptionMaxLength);
        action.Property(a => a.Evidence).HasMaxLength(Core.Common.TextLimits.FreeText);
        foreach (var userId in new[] { nameof(AgreedAction.OwnerUserId), nameof(AgreedAction.AgreedByUserId), nameof(AgreedAction.DoneRecordedByUserId) })
            action.Property(userId).HasMaxLength(450);
        // An owner's open actions by due date (their work list); a child's and a case's actions.
        action.HasIndex(a => new { a.OwnerUserId, a.DoneOn, a.DueOn });
        action.HasIndex(a => new { a.ChildId, a.CaseId });
        action.HasIndex(a => a.CaseId);
        // A meeting's actions by outcome (the panel's figures), counted from the index alone: without the source in it, each
        // of a meeting's actions was looked up for it, and the figures of twelve meetings took 7 ms rather than 1 ms.
        action.HasIndex(a => new { a.PanelMeetingId, a.Source, a.DoneOn, a.DueOn });
        // Every open overdue action of one source (the agenda).
        action.HasIndex(a => new { a.Source, a.DoneOn, a.DueOn });
    }
}
