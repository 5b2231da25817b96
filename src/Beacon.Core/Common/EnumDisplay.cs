using System.Collections.Frozen;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Beacon.Core.Common;

/// <summary>Reads the [Display] names the domain enums carry, so every page labels them the same way.</summary>
public static class EnumDisplay
{
    public static string Name<TEnum>(this TEnum value) where TEnum : struct, Enum =>
        Labels<TEnum>.ByValue.TryGetValue(value, out var label) ? label.Name : value.ToString();

    public static string? Group<TEnum>(this TEnum value) where TEnum : struct, Enum =>
        Labels<TEnum>.ByValue.TryGetValue(value, out var label) ? label.Group : null;

    // Read once per enum: reading attributes by reflection on every label cost about 1 % of a list page's CPU under load.
    private static class Labels<TEnum> where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, (string Name, string? Group)> ByValue = typeof(TEnum)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (Value: (TEnum)field.GetValue(null)!, Display: field.GetCustomAttribute<DisplayAttribute>()))
            .Where(f => f.Display is not null)
            // Two names for one value (an alias) label it by the first declared.
            .DistinctBy(f => f.Value)
            .ToFrozenDictionary(f => f.Value, f => (f.Display!.GetName() ?? f.Value.ToString(), f.Display.GetGroupName()));
    }
}
