using Beacon.Web.Infrastructure.Identity;
using Beacon.Core.Access;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Chronology;

/// <summary>
/// One significant event in a child's life as the agencies recorded it. Each comes from a record (or the audit trail
/// of a record) through an <see cref="IChronologySource"/>; practitioners add their own entries as case notes.
/// </summary>
/// <param name="At">UTC instant; for events known only by date, midnight of that date with <paramref name="TimeKnown"/> false.</param>
/// <param name="Type">One of the source's <see cref="IChronologySource.Types"/>; the chronology filters on it.</param>
public sealed record ChronologyEvent(DateTime At, bool TimeKnown, string Type, string Title)
{
    public string? Detail { get; init; }
    /// <summary>The agency the event belongs to. Left null, it is taken from <see cref="ByUserId"/>'s account.</summary>
    public Agency? Agency { get; init; }
    /// <summary>The account that recorded the event, when the record names one.</summary>
    public string? ByUserId { get; init; }
    /// <summary>Who recorded it, when known without an account (e.g. from the audit trail).</summary>
    public string? ByName { get; init; }
    /// <summary>The organisation the person who recorded it works for, from their account.</summary>
    public string? Organisation { get; init; }
    /// <summary>Where the record can be opened, if it has a page.</summary>
    public string? Link { get; init; }
    /// <summary>A missed statutory timescale or a pattern of concern, in a word or two, shown so it cannot be overlooked.</summary>
    public string? Flag { get; init; }

    public const string TimescaleMissed = "Timescale missed";

    public static ChronologyEvent OnDay(DateOnly day, string type, string title) =>
        new(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), false, type, title);
}

/// <summary>
/// Supplies the chronology with the events of one kind of record for a child. To put a new kind of record on
/// every child's chronology, add one class implementing this anywhere in Beacon.Web: it is found and
/// registered by <see cref="ChronologyServices"/>. Access to the child has been checked before it is called.
/// </summary>
public interface IChronologySource
{
    /// <summary>The event types this source can produce (see <see cref="ChronologyTypes"/>), offered in the filter.</summary>
    IReadOnlyList<string> Types { get; }

    Task<IEnumerable<ChronologyEvent>> EventsAsync(Guid childId, CancellationToken ct);
}

/// <summary>Event type names, in the order the filter lists them. Sources may use their own names too.</summary>
public static class ChronologyTypes
{
    public const string Record = "Child's record";
    public const string AgencyInvolvement = "Agency involvement";
    public const string Move = "Address or placement move";
    public const string Referral = "Referral";
    public const string Decision = "Referral decision";
    public const string StrategyDiscussion = "Strategy discussion";
    public const string Section47 = "Section 47 enquiry";
    public const string Assessment = "Assessment";
    public const string Conference = "Child protection conference";
    public const string Plan = "Plan";
    public const string Case = "Case opened or closed";
    public const string RiskAssessment = "Risk assessment";
    public const string Missing = "Missing episode";
    public const string ReturnHomeInterview = "Return home interview";
    // Practitioners' own entries: the kinds of case note.
    public const string Visit = "Visit";
    public const string PhoneCall = "Phone call";
    public const string Meeting = "Meeting";
    public const string SignificantEvent = "Significant event";
    public const string CaseNote = "Case note";

    public static readonly IReadOnlyList<string> Order =
    [
        Record, AgencyInvolvement, Move, Referral, Decision, StrategyDiscussion, Section47, Assessment,
        Conference, Plan, Case, RiskAssessment, Missing, ReturnHomeInterview, Visit, PhoneCall, Meeting, SignificantEvent, CaseNote,
    ];

    public static int Rank(string type) => Order.ToList().IndexOf(type) is var i and >= 0 ? i : int.MaxValue;
}

public sealed record ChronologyFilter(Agency? Agency = null, string? Type = null);

/// <summary>The one query behind every child's chronology: all sources, agencies filled in, filtered, in date order.</summary>
public sealed class ChronologyQuery(IEnumerable<IChronologySource> sources, BeaconDbContext db)
{
    public IReadOnlyList<string> Types => sources.SelectMany(s => s.Types).Distinct()
        .OrderBy(ChronologyTypes.Rank).ThenBy(t => t).ToList();

    public async Task<IReadOnlyList<ChronologyEvent>> ForChildAsync(Guid childId, ChronologyFilter filter, CancellationToken ct)
    {
        var events = new List<ChronologyEvent>();
        // One DbContext serves every source, so they run one after another.
        foreach (var source in sources)
        {
            if (filter.Type is { } type && !source.Types.Contains(type)) continue;
            events.AddRange(await source.EventsAsync(childId, ct));
        }

        var userIds = events.Select(e => e.ByUserId).OfType<string>().Distinct().ToList();
        var people = await db.People().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, Agency = u.Kind, u.OrganisationName }).ToDictionaryAsync(u => u.Id, ct);
        return events
            .Select(e => e.ByUserId is { } id && people.TryGetValue(id, out var person)
                ? e with { Agency = e.Agency ?? person.Agency, ByName = e.ByName ?? person.DisplayName, Organisation = e.Organisation ?? person.OrganisationName }
                : e)
            .Where(e => filter.Type is null || e.Type == filter.Type)
            .Where(e => filter.Agency is null || e.Agency == filter.Agency)
            .InChronologicalOrder()
            .ToList();
    }
}

public static class ChronologyOrder
{
    /// <summary>
    /// Day by day in England's calendar; within a day, events with a time first (in time order), then events known
    /// only by their date: a conference "held on" a day follows the strategy discussion at 10:00 that led to it, rather
    /// than appearing at midnight before it. Ties go by the order of the event types.
    /// </summary>
    public static IEnumerable<ChronologyEvent> InChronologicalOrder(this IEnumerable<ChronologyEvent> events) =>
        events.OrderBy(e => e.TimeKnown ? Core.Timescales.UkTime.ToUkDate(e.At) : DateOnly.FromDateTime(e.At))
            .ThenBy(e => e.TimeKnown ? 0 : 1)
            .ThenBy(e => e.At)
            .ThenBy(e => ChronologyTypes.Rank(e.Type));
}

public static class ChronologyServices
{
    /// <summary>Registers the query and every <see cref="IChronologySource"/> in Beacon.Web.</summary>
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<ChronologyQuery>();
        services.AddEvery<IChronologySource>();
    }

    /// <summary>Whether a kind of record is stored yet (sources for records still being built return nothing until then).</summary>
    public static bool Stores<T>(this BeaconDbContext db) => db.Model.FindEntityType(typeof(T)) is not null;

    internal static Agency? ParseAgency(string? userId, string? agency) =>
        userId != Infrastructure.Identity.BeaconClaims.SystemActor.UserId && Enum.TryParse<Agency>(agency, out var a) ? a : null;

    internal static string Shorten(string? text, int length = 300) =>
        text is null ? "" : text.Length <= length ? text : text[..length].TrimEnd() + "…";
}
