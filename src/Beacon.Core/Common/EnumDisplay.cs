using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Beacon.Core.Common;

/// <summary>Reads the [Display] names the domain enums carry, so every page labels them the same way.</summary>
public static class EnumDisplay
{
    public static string Name<TEnum>(this TEnum value) where TEnum : struct, Enum =>
        Attribute(value)?.GetName() ?? value.ToString();

    public static string? Group<TEnum>(this TEnum value) where TEnum : struct, Enum =>
        Attribute(value)?.GetGroupName();

    private static DisplayAttribute? Attribute<TEnum>(TEnum value) where TEnum : struct, Enum =>
        typeof(TEnum).GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static)?.GetCustomAttribute<DisplayAttribute>();
}
