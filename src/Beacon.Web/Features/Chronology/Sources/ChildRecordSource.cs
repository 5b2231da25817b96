using Beacon.Core.Audit;
using Beacon.Core.Children;
using Beacon.Core.Common;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using T = Beacon.Web.Features.Chronology.ChronologyTypes;

namespace Beacon.Web.Features.Chronology.Sources;

/// <summary>
/// The child's own record: when it was created and by whom, agencies becoming involved or stepping back, address
/// moves, and placement changes (read from the audit trail's before and after values, since the record keeps
/// only the current placement).
/// </summary>
public sealed class ChildRecordSource(BeaconDbContext db) : IChronologySource
{
    private static readonly string[] PlacementFields = [nameof(Child.IsLookedAfter), nameof(Child.Placement), nameof(Child.PlacedOutOfArea)];

    public IReadOnlyList<string> Types { get; } = [T.Record, T.AgencyInvolvement, T.Move];

    public async Task<IEnumerable<ChronologyEvent>> EventsAsync(Guid childId, CancellationToken ct)
    {
        // One query: a child's addresses and organisations are short lists, so their combinations are few rows, where a
        // query for each list cost a command each on every chronology.
        var child = await db.Children.AsNoTracking().Include(c => c.Addresses).Include(c => c.Involvements).AsSingleQuery()
            .SingleOrDefaultAsync(c => c.Id == childId, ct);
        if (child is null) return [];

        // Who made each change, as the audit trail recorded it at the time.
        var audit = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ChildId == childId && (e.Action == AuditAction.Created || e.Action == AuditAction.Updated)
                && (e.EntityType == nameof(Child) || e.EntityType == nameof(ChildAddress)))
            .Select(e => new { e.EntityType, e.EntityId, e.Action, e.OccurredAtUtc, e.ActorUserId, e.ActorName, e.ActorAgency, e.ChangesJson })
            .ToListAsync(ct);
        var created = audit.FirstOrDefault(e => e.EntityType == nameof(Child) && e.Action == AuditAction.Created);
        var organisationIds = child.Involvements.Select(i => i.OrganisationId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        string Name(OrganisationInvolvement i) => names.GetValueOrDefault(i.OrganisationId, i.Agency.Name());

        var events = new List<ChronologyEvent>
        {
            new(child.CreatedAtUtc, true, T.Record, "Child's record created")
            {
                Detail = $"Organisations involved: {string.Join(", ", child.Involvements.Where(a => a.StartedAtUtc <= child.CreatedAtUtc).OrderBy(a => a.StartedAtUtc).ThenBy(Name).Select(Name))}",
                ByUserId = child.CreatedByUserId,
                ByName = created?.ActorName,
                Agency = created is null ? null : ChronologyServices.ParseAgency(created.ActorUserId, created.ActorAgency),
                Link = $"/Children/{childId}",
            },
        };

        foreach (var involvement in child.Involvements.Where(a => a.StartedAtUtc > child.CreatedAtUtc))
            events.Add(new(involvement.StartedAtUtc, true, T.AgencyInvolvement, $"{Name(involvement)} became involved") { Agency = involvement.Agency });
        foreach (var involvement in child.Involvements.Where(a => a.EndedAtUtc is not null))
            events.Add(new(involvement.EndedAtUtc!.Value, true, T.AgencyInvolvement, $"{Name(involvement)} no longer involved") { Agency = involvement.Agency });

        foreach (var address in child.Addresses)
        {
            var recorded = audit.FirstOrDefault(e => e.EntityType == nameof(ChildAddress) && e.EntityId == address.Id.ToString() && e.Action == AuditAction.Created);
            events.Add(ChronologyEvent.OnDay(address.From, T.Move, $"Moved to {address.Line1}, {address.Town} {address.Postcode}".TrimEnd()) with
            {
                ByName = recorded?.ActorName,
                Agency = recorded is null ? null : ChronologyServices.ParseAgency(recorded.ActorUserId, recorded.ActorAgency),
            });
        }

        if (child.IsLookedAfter && created is not null && !audit.Any(e => e.EntityType == nameof(Child) && e.Action == AuditAction.Updated && ChangesPlacement(e.ChangesJson)))
            events[0] = events[0] with { Detail = events[0].Detail + $". Looked after: {child.Placement ?? "placement not recorded"}{(child.PlacedOutOfArea ? ", placed out of area" : "")}" };

        foreach (var change in audit.Where(e => e.EntityType == nameof(Child) && e.Action == AuditAction.Updated && ChangesPlacement(e.ChangesJson)))
        {
            var fields = AuditChanges.FromJson(change.ChangesJson).Where(f => PlacementFields.Contains(f.Field)).ToDictionary(f => f.Field);
            events.Add(new(change.OccurredAtUtc, true, T.Move, PlacementTitle(fields))
            {
                Detail = string.Join("; ", fields.Values.Select(f => $"{Label(f.Field)}: {Show(f.Before)} → {Show(f.After)}")),
                ByName = change.ActorName,
                Agency = ChronologyServices.ParseAgency(change.ActorUserId, change.ActorAgency),
                Link = $"/Children/{childId}",
            });
        }
        return events;
    }

    private static bool ChangesPlacement(string? json) =>
        json is not null && PlacementFields.Any(f => json.Contains($"\"field\":\"{f}\"", StringComparison.Ordinal));

    private static string PlacementTitle(IReadOnlyDictionary<string, FieldChange> fields)
    {
        if (fields.TryGetValue(nameof(Child.IsLookedAfter), out var lookedAfter))
            return string.Equals(lookedAfter.After, "True", StringComparison.OrdinalIgnoreCase) ? "Became looked after" : "No longer looked after";
        if (fields.TryGetValue(nameof(Child.Placement), out var placement))
            return $"Placement changed to {Show(placement.After)}";
        return "Placement changed";
    }

    private static string Label(string field) => field switch
    {
        nameof(Child.IsLookedAfter) => "Looked after",
        nameof(Child.PlacedOutOfArea) => "Placed out of area",
        _ => "Placement",
    };

    private static string Show(string? value) => value switch
    {
        null or "" => "none",
        "True" => "yes",
        "False" => "no",
        _ => value,
    };
}
