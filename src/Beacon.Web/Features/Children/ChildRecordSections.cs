using Beacon.Core.Access;
using Beacon.Core.Children;
using Beacon.Web.Infrastructure.Web;

namespace Beacon.Web.Features.Children;

/// <summary>What a section is given: the child (access already checked for viewing), who is looking, and today.</summary>
public sealed record ChildRecordContext(Child Child, Actor Actor, bool MayEdit, DateTime NowUtc)
{
    public DateOnly Today => Core.Timescales.UkTime.ToUkDate(NowUtc);
}

/// <summary>One line of a section: a key, its value, and optionally a link, a tag beside the value (e.g. "Overdue").</summary>
public sealed record SectionRow(string Key, string Value)
{
    public string? Link { get; init; }
    public string? LinkText { get; init; }
    public string? Tag { get; init; }
    /// <summary>The tag's classes, e.g. <c>govuk-tag govuk-tag--red</c>.</summary>
    public string? TagClass { get; init; }
    /// <summary>An id for the value, for tests and links into the page.</summary>
    public string? Id { get; init; }
}

public sealed record SectionLink(string Text, string Href);

/// <summary>Something a practitioner must not miss, shown as GOV.UK warning text at the top of the record.</summary>
public sealed record SectionWarning(string Text, string? Id = null, string? Class = null);

/// <summary>
/// A section of the child's record, shown as a GOV.UK summary card: rows, links to act or read more, and warnings a
/// practitioner must not miss (shown at the top of the record, above everything else).
/// </summary>
public sealed record ChildRecordSection(string Id, string Title, IReadOnlyList<SectionRow> Rows)
{
    public IReadOnlyList<SectionLink> Links { get; init; } = [];
    public IReadOnlyList<SectionWarning> Warnings { get; init; } = [];
}

/// <summary>
/// A capability's part of the child's record (current case, referrals, risk, missing episodes, panel …). To add one,
/// write a class implementing this anywhere in Beacon.Web: it is found and registered by <see cref="ChildRecordServices"/>
/// and the record page shows it in <see cref="Order"/>. Called only once the person may view the child; a section
/// that has nothing to say, or that this person's role does not need, returns null. Keep it to one or two queries.
/// </summary>
public interface IChildRecordSection
{
    /// <summary>Position on the page, lowest first (cases 100, referrals 200, risk 300, missing 400, panel 500 …).</summary>
    int Order { get; }

    Task<ChildRecordSection?> BuildAsync(ChildRecordContext context, CancellationToken ct);
}

/// <summary>Every section for one child, in order. Sections share the request's DbContext, so they run in turn.</summary>
public sealed class ChildRecordSections(IEnumerable<IChildRecordSection> sections)
{
    public async Task<IReadOnlyList<ChildRecordSection>> ForAsync(ChildRecordContext context, CancellationToken ct)
    {
        var built = new List<ChildRecordSection>();
        foreach (var section in sections.OrderBy(s => s.Order))
            if (await section.BuildAsync(context, ct) is { } s) built.Add(s);
        return built;
    }
}

public static class ChildRecordServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<ChildRecordSections>();
        services.AddScoped<ChildSummaries>();
        services.AddEvery<IChildRecordSection>();
    }
}
