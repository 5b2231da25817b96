using Beacon.Core.Common;

namespace Beacon.Core.Organisations;

/// <summary>
/// A local authority area. A child's responsible area is the authority looking after them; organisations
/// serve one or more areas (a police force or an NHS trust usually several).
/// </summary>
public sealed class Area
{
    public const int NameMaxLength = 100;

    private Area() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";

    public static Area Create(string name, Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(),
        Name = Guard.Text(name, nameof(Name), "Enter the area's name", NameMaxLength),
    };
}
