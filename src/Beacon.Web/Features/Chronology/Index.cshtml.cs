using Beacon.Core.Access;
using Beacon.Core.Common;
using Beacon.Web.Features.Children;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.GovUk;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Beacon.Web.Features.Chronology;

/// <summary>
/// The child's chronology: every agency's significant events on one timeline, built from the records themselves.
/// Filtered with a plain GET form so a filtered view can be bookmarked and printed.
/// </summary>
public sealed class IndexModel(ChildRecords records, CaseNotes.CaseNoteRecords notes, ChronologyQuery chronology, AuditTrail audit, TimeProvider clock) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public ChronologyDirection Order { get; set; } = ChronologyDirection.OldestFirst;
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    /// <summary>Events on a page: a child known for years has a thousand or more.</summary>
    public const int PageSize = 100;

    public enum ChronologyDirection
    {
        [System.ComponentModel.DataAnnotations.Display(Name = "Oldest first")] OldestFirst,
        [System.ComponentModel.DataAnnotations.Display(Name = "Newest first")] NewestFirst,
    }

    public string ChildName { get; private set; } = "";
    public DateOnly DateOfBirth { get; private set; }
    public Paged<ChronologyEvent> Events { get; private set; } = new([], 1, 1, 0);
    public IReadOnlyList<string> Types { get; private set; } = [];
    public DateTime GeneratedAtUtc { get; } = clock.GetUtcNow().UtcDateTime;
    public Agency? AgencyFilter { get; private set; }
    public string? TypeFilter { get; private set; }
    /// <summary>Practitioners add their own entries (visits, calls, events) as case notes.</summary>
    public bool MayAddEntry { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (child, refusal) = await records.LoadAsync(Id, User, ChildOperations.View, ct);
        if (refusal is not null) return refusal;
        ChildName = child!.FullName;
        DateOfBirth = child.DateOfBirth;
        Types = chronology.Types;
        MayAddEntry = await notes.MayAsync(User, child, CaseNoteOperations.Record);

        if (!string.IsNullOrEmpty(Agency))
        {
            if (Enum.TryParse<Agency>(Agency, out var agency) && Enum.IsDefined(agency)) AgencyFilter = agency;
            else ModelState.AddModelError(nameof(Agency), "Select an agency from the list");
        }
        if (!string.IsNullOrEmpty(Type))
        {
            if (Types.Contains(Type)) TypeFilter = Type;
            else ModelState.AddModelError(nameof(Type), "Select a type of event from the list");
        }

        var events = await chronology.ForChildAsync(Id, new ChronologyFilter(AgencyFilter, TypeFilter), ct);
        // The one child's events are merged from every source in memory, so the page is cut from them here.
        Events = Paged<ChronologyEvent>.Of(Order == ChronologyDirection.NewestFirst ? events.Reverse().ToList() : events, PageNumber, PageSize);
        await audit.RecordViewAsync(child, $"chronology{(AgencyFilter is { } a ? $", {a.Name()} only" : "")}{(TypeFilter is { } t ? $", {t} only" : "")}" +
            (Events.PageCount > 1 ? $", page {Events.PageNumber} of {Events.PageCount}" : ""), ct);
        return Page();
    }

    public IEnumerable<SelectListItem> AgencyItems() =>
        new[] { new SelectListItem("All agencies", "") }
            .Concat(Enum.GetValues<Agency>().Select(a => new SelectListItem(a.Name(), a.ToString())));

    public static IEnumerable<SelectListItem> OrderItems() => GovUkChoices.Of<ChronologyDirection>();

    public IEnumerable<SelectListItem> TypeItems() =>
        new[] { new SelectListItem("All events", "") }.Concat(Types.Select(t => new SelectListItem(t, t)));
}
