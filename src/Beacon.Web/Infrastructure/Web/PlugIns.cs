using System.Reflection;

namespace Beacon.Web.Infrastructure.Web;

/// <summary>
/// Finds the plug-ins of an extension point (a chronology source, a section of the child's record, …) in Beacon.Web and
/// registers each, so a capability adds a class and nothing else: the page that shows them is not edited.
/// </summary>
public static class PlugIns
{
    public static IServiceCollection AddEvery<TPlugIn>(this IServiceCollection services, Assembly? from = null) where TPlugIn : class
    {
        foreach (var type in (from ?? typeof(PlugIns).Assembly).GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(TPlugIn).IsAssignableFrom(t))
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
            services.AddScoped(typeof(TPlugIn), type);
        return services;
    }
}
