namespace Beacon.Web.Features.Reports;

/// <summary>Reports, their recommendations and the action plan.</summary>
public static class ReportServices
{
    public static void Add(IServiceCollection services) => services.AddScoped<ReportRegister>();
}
