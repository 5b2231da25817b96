using Beacon.Core.Common;

namespace Beacon.Core.Notifications;

/// <summary>
/// A person told that new work is waiting for them (for example "2 new: no further action to approve"), shown in
/// Beacon until they mark it seen and, when email is on, emailed without any child's details. Kept afterwards.
/// </summary>
public sealed class WorkItemAlert
{
    public const int KindMaxLength = 50;
    public const int MessageMaxLength = 300;
    public const int LinkMaxLength = 300;

    private WorkItemAlert() { }

    public Guid Id { get; private set; }
    public string UserId { get; private set; } = "";
    /// <summary>Which list on the person's work list grew (its id there, e.g. "approve-nfa").</summary>
    public string Kind { get; private set; } = "";
    public string Message { get; private set; } = "";
    /// <summary>Where in Beacon the new work is.</summary>
    public string Link { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? SeenAtUtc { get; private set; }

    public static WorkItemAlert For(string userId, WorkListGrowth growth, DateTime nowUtc) => new()
    {
        Id = Guid.NewGuid(),
        UserId = Guard.Required(userId, nameof(UserId), "Who is told must be recorded"),
        Kind = Guard.Text(growth.Kind, nameof(Kind), "Say which list grew", KindMaxLength),
        Message = Guard.Text(growth.Describe(), nameof(Message), "Say what is waiting", MessageMaxLength),
        Link = Guard.Text(growth.Link, nameof(Link), "Say where the work is", LinkMaxLength),
        CreatedAtUtc = Guard.AsUtc(nowUtc),
    };

    public void MarkSeen(DateTime nowUtc) => SeenAtUtc ??= Guard.AsUtc(nowUtc);
}

/// <summary>How many items one list on a person's work list held when Beacon last looked, so growth can be told.</summary>
public sealed class WorkListCount
{
    public string UserId { get; set; } = "";
    public string Kind { get; set; } = "";
    public int Count { get; set; }
    public DateTime CheckedAtUtc { get; set; }
}

/// <summary>One list on a person's work list that has grown since Beacon last looked.</summary>
public sealed record WorkListGrowth(string Kind, string Title, int Added, int Now, string Link)
{
    public string Describe() => $"{Added} new: {Title.ToLowerInvariant()[..1]}{Title[1..]} ({Now} waiting)";
}

/// <summary>
/// What to tell a person, from their work list's counts now and when last looked. A list seen for the first time
/// is only remembered: people are not flooded with alerts for work that was already on their list when alerts
/// began. A list that shrank and grew again in between is told by its net growth only.
/// </summary>
public static class WorkListChanges
{
    public sealed record Current(string Kind, string Title, int Count, string Link);

    public static IReadOnlyList<WorkListGrowth> Growth(IReadOnlyDictionary<string, int>? previous, IEnumerable<Current> now)
    {
        if (previous is null) return [];
        return now.Where(c => c.Count > previous.GetValueOrDefault(c.Kind))
            .Select(c => new WorkListGrowth(c.Kind, c.Title, c.Count - previous.GetValueOrDefault(c.Kind), c.Count, c.Link))
            .ToList();
    }
}
