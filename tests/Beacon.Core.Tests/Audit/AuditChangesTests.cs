using System.Text.Json;
using Beacon.Core.Audit;

namespace Beacon.Core.Tests.Audit;

public class AuditChangesTests
{
    [Fact]
    public void Json_is_compact_sorted_by_field_and_keeps_nulls()
    {
        var json = AuditChanges.ToJson([
            new FieldChange("Surname", "Smith", "Smyth"),
            new FieldChange("DateOfBirth", null, "2011-04-02"),
            new FieldChange("Address", "1 High St", null),
        ]);

        Assert.Equal(
            """[{"field":"Address","before":"1 High St","after":null},{"field":"DateOfBirth","before":null,"after":"2011-04-02"},{"field":"Surname","before":"Smith","after":"Smyth"}]""",
            json);
    }

    [Fact]
    public void Same_changes_in_any_order_give_the_same_text()
    {
        FieldChange[] changes =
        [
            new("b", "1", "2"), new("a", "x", "y"), new("B", "p", "q"), new("é", "<", ">"), new("c", "\"", "\n"),
        ];
        var expected = AuditChanges.ToJson(changes);

        for (var shift = 1; shift < changes.Length; shift++)
        {
            var rotated = changes.Skip(shift).Concat(changes.Take(shift)).ToArray();
            Assert.Equal(expected, AuditChanges.ToJson(rotated));
            Assert.Equal(expected, AuditChanges.ToJson(rotated.Reverse()));
        }
    }

    [Fact]
    public void Special_characters_are_escaped_the_same_way_every_time()
    {
        var json = AuditChanges.ToJson([new FieldChange("Note", "<b>Zoë</b>", "line\nbreak \"quoted\"")]);

        Assert.Equal("""[{"field":"Note","before":"\u003Cb\u003EZo\u00EB\u003C/b\u003E","after":"line\nbreak \u0022quoted\u0022"}]""", json);
    }

    [Fact]
    public void Unchanged_fields_are_left_out_and_nothing_changed_gives_null()
    {
        Assert.Null(AuditChanges.ToJson([]));
        Assert.Null(AuditChanges.ToJson([new FieldChange("Name", "A", "A"), new FieldChange("Note", null, null)]));
        Assert.Equal("""[{"field":"Note","before":"","after":null}]""",
            AuditChanges.ToJson([new FieldChange("Name", "A", "A"), new FieldChange("Note", "", null)]));
    }

    [Fact]
    public void Duplicate_or_blank_field_names_are_refused()
    {
        Assert.Throws<ArgumentException>(() => AuditChanges.ToJson([new FieldChange("Name", "a", "b"), new FieldChange("Name", "b", "c")]));
        Assert.Throws<ArgumentException>(() => AuditChanges.ToJson([new FieldChange(" ", "a", "b")]));
    }

    [Fact]
    public void Json_reads_back()
    {
        var json = AuditChanges.ToJson([new FieldChange("Surname", "Smith", null), new FieldChange("Age", null, "14")]);

        Assert.Equal([new FieldChange("Age", null, "14"), new FieldChange("Surname", "Smith", null)], AuditChanges.FromJson(json));
        Assert.Empty(AuditChanges.FromJson(null));
        Assert.Throws<JsonException>(() => AuditChanges.FromJson("""{"field":"x"}"""));
    }
}
