using Beacon.Core.RiskAssessment;

namespace Beacon.Web.Features.RiskAssessment;

/// <summary>Risk screening and assessment: the scoring and reassessment settings and the queries the pages share.</summary>
public static class RiskAssessmentServices
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        // Read once at start-up and checked, so a bad weight or threshold stops the app rather than under-scoring children.
        var policy = configuration.GetSection(ScoringPolicy.ConfigurationSection).Get<ScoringPolicy>() ?? ScoringPolicy.Default;
        policy.EnsureValid();
        var schedule = configuration.GetSection(ReassessmentSchedule.ConfigurationSection).Get<ReassessmentSchedule>() ?? ReassessmentSchedule.Default;
        schedule.EnsureValid();
        services.AddSingleton(policy);
        services.AddSingleton(schedule);
        services.AddScoped<RiskLevels>();
        services.AddScoped<Assessments>();
        services.AddScoped<RiskOverview>();
        services.AddScoped<Infrastructure.Data.IReadModelProjector, ChildRiskPositionProjector>();
        // After the positions: a database from before the figures counts them from the positions once they exist.
        services.AddScoped<Infrastructure.Data.IReadModelProjector, AreaRiskFigureProjector>();
        services.AddScoped<Infrastructure.Data.IReadModelCounts, AreaRiskFigureCounts>();
    }
}
