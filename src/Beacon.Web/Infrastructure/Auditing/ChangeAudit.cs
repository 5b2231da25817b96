using Beacon.Core.Access;
using Beacon.Core.Audit;
using Beacon.Core.Children;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using System.Globalization;

namespace Beacon.Web.Infrastructure.Auditing;

/// <summary>Turns one tracked change into an audit draft with before and after values.</summary>
internal static class ChangeAudit
{
    public static AuditDraft? Describe(EntityEntry entry, Actor actor)
    {
        var changes = entry.Properties
            .Where(p => entry.State == EntityState.Added || (p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
            // The version and a child's sort key follow from the change itself: not news in the log.
            .Where(p => p.Metadata.Name is not (nameof(Core.Common.IVersioned.Version) or nameof(Child.SortName)))
            .Select(p => new FieldChange(p.Metadata.Name,
                entry.State == EntityState.Added ? null : Format(p.OriginalValue),
                Format(p.CurrentValue)))
            .ToList();
        if (changes.Count == 0) return null;

        var id = entry.Metadata.FindPrimaryKey()?.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)).FirstOrDefault() ?? "";
        if (entry.Entity is Core.Common.IConfidentialRecord)
            // Neither who (an anonymous raiser may be signed in) nor what (the concern's words, its passphrase's hash).
            return new AuditDraft(ConfidentialActor, "A confidential concern", null,
                entry.State == EntityState.Added ? AuditAction.Created : AuditAction.Updated, entry.Metadata.ClrType.Name, id, null,
                $"{(entry.State == EntityState.Added ? "Created" : "Changed")} {entry.Metadata.ClrType.Name} (confidential: no details recorded here)", null);

        id = entry.Metadata.FindPrimaryKey()?.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)).FirstOrDefault() ?? "";
        return new AuditDraft(
            actor.UserId, actor.Name, actor.Agency.ToString(),
            entry.State == EntityState.Added ? AuditAction.Created : AuditAction.Updated,
            entry.Metadata.ClrType.Name, id, ChildIdOf(entry),
            $"{(entry.State == EntityState.Added ? "Created" : "Changed")} {entry.Metadata.ClrType.Name}",
            AuditChanges.ToJson(changes));
    }

    public const string ConfidentialActor = "confidential";

    /// <summary>Any record that carries a ChildId is part of that child's data, and so is the child itself.</summary>
    private static Guid? ChildIdOf(EntityEntry entry)
    {
        if (entry.Entity is Child child) return child.Id;
        return entry.Metadata.FindProperty("ChildId") is { } property && entry.Property(property.Name).CurrentValue is Guid id ? id : null;
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        byte[] bytes => $"{bytes.Length} bytes", // a file's content is identified by its attachment's SHA-256, not copied into the log
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
