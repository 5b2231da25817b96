using Beacon.Core.Missing;
using Beacon.Core.Timescales;
using Beacon.Web.Features.Children;

namespace Beacon.Web.Features.Missing;

/// <summary>The child's record: missing now, repeatedly missing, return home interviews outstanding, and the counts.</summary>
public sealed class MissingRecordSection(MissingEpisodeRecords missing) : IChildRecordSection
{
    public int Order => 400;

    public async Task<ChildRecordSection?> BuildAsync(ChildRecordContext context, CancellationToken ct)
    {
        var childId = context.Child.Id;
        var picture = missing.Picture(await missing.ForChildAsync(childId, ct));
        var outstanding = picture.InterviewsOutstanding.Count();
        var rows = new List<SectionRow>
        {
            picture.CurrentlyMissing is { } open
                ? new SectionRow("Missing now", $"Reported missing {UkDisplay.When(open.ReportedMissingAtUtc)}") { Id = "missing-now", Tag = "Missing", TagClass = "govuk-tag govuk-tag--red" }
                : new SectionRow("Missing now", "No") { Id = "missing-now" },
            new("Episodes", picture.Episodes.Count == 0 ? "No missing episodes recorded"
                : $"{picture.Episodes.Count} recorded, {picture.EpisodesInLast90Days} in the last 90 days") { Id = "missing-episodes" },
            new("Return home interviews outstanding", outstanding.ToString())
            {
                Id = "missing-interviews",
                Tag = picture.InterviewsOutstanding.Any(r => r.Interview!.State == TimescaleState.Overdue) ? "Overdue" : null,
                TagClass = "govuk-tag govuk-tag--red",
            },
        };
        var links = new List<SectionLink> { new("Missing episodes", $"/Children/{childId}/Missing") };
        if (context.MayEdit && picture.CurrentlyMissing is null) links.Add(new SectionLink("Report missing", $"/Children/{childId}/Missing/Report"));
        return new ChildRecordSection("missing", "Missing episodes", rows) { Links = links, Warnings = MissingWarnings.For(picture) };
    }
}

/// <summary>The warnings about going missing a practitioner must not miss, on the child's record and the missing episodes page.</summary>
public static class MissingWarnings
{
    public static IReadOnlyList<SectionWarning> For(MissingPicture picture)
    {
        var warnings = new List<SectionWarning>();
        if (picture.IsRepeatedlyMissing)
            warnings.Add(new($"Repeatedly missing: {RepeatedlyMissing.EpisodeThreshold} or more episodes began within {RepeatedlyMissing.Window.Days} days " +
                             $"({string.Join(", ", picture.QualifyingRun!.Select(s => UkDisplay.When(s).Split(',')[0]))}). " +
                             "A pattern of going missing is a sign of possible exploitation.", "repeatedly-missing"));
        if (picture.CurrentlyMissing is { } open)
            warnings.Add(new($"Missing now: reported missing {UkDisplay.When(open.ReportedMissingAtUtc)}.", "currently-missing"));
        foreach (var row in picture.InterviewsOutstanding.Where(r => r.Interview!.State == TimescaleState.Overdue))
            warnings.Add(new($"Return home interview {row.Interview!.Describe().ToLowerInvariant()} (returned {UkDisplay.When(row.Episode.ReturnedAtUtc!.Value)}).", Class: "beacon-rhi-overdue"));
        return warnings;
    }
}
