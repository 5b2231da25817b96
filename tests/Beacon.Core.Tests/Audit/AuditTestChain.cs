using System.Reflection;
using Beacon.Core.Audit;

namespace Beacon.Core.Tests.Audit;

/// <summary>Builds chains and tampers with entries the way someone editing the database rows would.</summary>
internal static class AuditTestChain
{
    public static readonly DateTime Start = new(2025, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private static readonly AuditAction[] Actions = Enum.GetValues<AuditAction>();

    public static AuditDraft Draft(int i) => new(
        ActorUserId: $"user-{i % 7}",
        ActorName: $"Worker {i % 7}",
        ActorAgency: i % 2 == 0 ? "Police" : "ChildrensSocialCare",
        Action: Actions[i % Actions.Length],
        EntityType: i % 3 == 0 ? "Referral" : "Child",
        EntityId: $"rec-{i}",
        ChildId: new Guid(i + 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11),
        Summary: $"Summary of event {i}",
        ChangesJson: AuditChanges.ToJson([new FieldChange("Status", $"s{i}", $"s{i + 1}")]));

    public static List<AuditEntry> Build(int count)
    {
        var list = new List<AuditEntry>(count);
        AuditEntry? previous = null;
        for (var i = 0; i < count; i++)
        {
            previous = AuditEntry.Append(previous, Draft(i), Start.AddSeconds(i * 37).AddTicks(i * 13));
            list.Add(previous);
        }
        return list;
    }

    /// <summary>Lazily generated intact chain, never held in memory.</summary>
    public static IEnumerable<AuditEntry> Stream(long count, Action<long>? onYield = null)
    {
        AuditEntry? previous = null;
        for (long i = 0; i < count; i++)
        {
            previous = AuditEntry.Append(previous, Draft((int)(i % 1000)), Start.AddMilliseconds(i));
            onYield?.Invoke(i + 1);
            yield return previous;
        }
    }

    /// <summary>A copy of <paramref name="entry"/> with one property overwritten and its hash left as it was.</summary>
    public static AuditEntry With(AuditEntry entry, string property, object? value)
    {
        var copy = Clone(entry);
        typeof(AuditEntry).GetProperty(property)!.SetValue(copy, value);
        return copy;
    }

    /// <summary>A copy whose stored hash is recomputed to match its (possibly altered) contents.</summary>
    public static AuditEntry Rehash(AuditEntry entry) => With(entry, nameof(AuditEntry.Hash), AuditChain.ComputeHash(entry));

    /// <summary>A forged entry that is self-consistent: its hash matches its contents.</summary>
    public static AuditEntry Forge(long sequence, string previousHash, string summary = "Forged entry")
    {
        var entry = AuditEntry.Append(null, Draft(999) with { Summary = summary }, Start.AddDays(1));
        entry = With(entry, nameof(AuditEntry.Sequence), sequence);
        entry = With(entry, nameof(AuditEntry.PreviousHash), previousHash);
        return Rehash(entry);
    }

    /// <summary>The entries from <paramref name="from"/> on, each moved by <paramref name="delta"/> positions.</summary>
    public static void Renumber(List<AuditEntry> chain, int from, long delta, bool rehash)
    {
        for (var i = from; i < chain.Count; i++)
        {
            var moved = With(chain[i], nameof(AuditEntry.Sequence), chain[i].Sequence + delta);
            chain[i] = rehash ? Rehash(moved) : moved;
        }
    }

    public static string OtherHash(string hash) => (hash[0] == 'a' ? "b" : "a") + hash[1..];

    private static AuditEntry Clone(AuditEntry entry) =>
        (AuditEntry)typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!.Invoke(entry, null)!;
}
