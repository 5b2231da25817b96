namespace Beacon.Web.Features.Panel;

/// <summary>The exploitation panel: its list, meetings and figures.</summary>
public static class PanelServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<PanelLists>();
        services.AddScoped<PanelMeetings>();
        services.AddScoped<PanelFigures>();
        services.AddScoped<PanelMembers>();
    }
}
