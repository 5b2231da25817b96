using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Beacon.Core.Audit;

/// <summary>
/// What a caller knows about an audited event. <see cref="AuditEntry.Append"/> adds the sequence,
/// time and hashes.
/// </summary>
/// <param name="ActorUserId">The account id of whoever acted (for failed sign-ins, the name that was tried).</param>
/// <param name="ActorName">The actor's display name at the time, kept so the trail reads without joins.</param>
/// <param name="ActorAgency">The actor's agency at the time, if any.</param>
/// <param name="EntityType">The kind of record touched, e.g. "Child" or "Referral".</param>
/// <param name="EntityId">The id of the record touched.</param>
/// <param name="ChildId">The child the record is about, so a child's whole trail can be listed.</param>
/// <param name="Summary">Human-readable description for the auditor.</param>
/// <param name="ChangesJson">Before/after values, normally built with <see cref="AuditChanges.ToJson"/>.</param>
public sealed record AuditDraft(
    string ActorUserId,
    string ActorName,
    string? ActorAgency,
    AuditAction Action,
    string EntityType,
    string EntityId,
    Guid? ChildId = null,
    string? Summary = null,
    string? ChangesJson = null)
{
    /// <summary>This draft with its changes recorded as <see cref="AuditChanges.ToJson"/> builds them.</summary>
    public AuditDraft WithChanges(IEnumerable<FieldChange> changes) => this with { ChangesJson = AuditChanges.ToJson(changes) };
}

/// <summary>One field's value before and after a change, already formatted for display.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>Builds and reads the <see cref="AuditEntry.ChangesJson"/> format.</summary>
public static class AuditChanges
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Fixed encoder and no indentation: the text is hashed, so the same changes must always give the same bytes.
        Encoder = JavaScriptEncoder.Default,
        Indented = false,
    };

    /// <summary>
    /// A JSON array <c>[{"field":…,"before":…,"after":…}]</c> sorted by field name (ordinal), so the
    /// result does not depend on the order the caller happened to list the fields in. Fields whose value
    /// did not change are left out; returns null when nothing changed.
    /// </summary>
    /// <exception cref="ArgumentException">A field name is blank or appears twice.</exception>
    public static string? ToJson(IEnumerable<FieldChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var list = new List<FieldChange>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            ArgumentNullException.ThrowIfNull(change, nameof(changes));
            if (string.IsNullOrWhiteSpace(change.Field))
                throw new ArgumentException("A changed field must have a name.", nameof(changes));
            if (!seen.Add(change.Field))
                throw new ArgumentException($"The field '{change.Field}' is listed twice.", nameof(changes));
            if (!string.Equals(change.Before, change.After, StringComparison.Ordinal))
                list.Add(change);
        }
        if (list.Count == 0) return null;
        list.Sort((a, b) => string.CompareOrdinal(a.Field, b.Field));

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var change in list)
            {
                writer.WriteStartObject();
                writer.WriteString("field", change.Field);
                writer.WriteString("before", change.Before);
                writer.WriteString("after", change.After);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads a <see cref="AuditEntry.ChangesJson"/> value back for display; empty for null.</summary>
    /// <exception cref="JsonException">The text is not in the format <see cref="ToJson"/> writes.</exception>
    public static IReadOnlyList<FieldChange> FromJson(string? changesJson)
    {
        if (string.IsNullOrEmpty(changesJson)) return [];
        using var doc = JsonDocument.Parse(changesJson);
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
            throw new JsonException("Audit changes must be a JSON array.");
        var result = new List<FieldChange>();
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("field", out var field) || field.ValueKind != JsonValueKind.String)
                throw new JsonException("Each audit change must be an object with a \"field\" name.");
            result.Add(new FieldChange(field.GetString()!, ReadNullable(item, "before"), ReadNullable(item, "after")));
        }
        return result;
    }

    private static string? ReadNullable(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
