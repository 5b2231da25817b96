using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;

namespace Beacon.Web.Infrastructure.Web;

/// <summary>
/// What one request may cost: every request is cancelled after <c>Beacon:Requests:TimeoutSeconds</c> (and when the
/// browser goes away: the handler's CancellationToken stops its queries), and the heavy reports (pages that read a
/// whole area or the whole audit chain) run a few at a time, so a burst of them queues instead of taking every core
/// from the people on their caseloads.
/// </summary>
public static class RequestLimits
{
    /// <summary>For <c>[EnableRateLimiting(RequestLimits.HeavyReport)]</c> on a page model.</summary>
    public const string HeavyReport = nameof(HeavyReport);

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var timeout = TimeSpan.FromSeconds(configuration.GetValue("Beacon:Requests:TimeoutSeconds", 30));
        var concurrentReports = configuration.GetValue("Beacon:Requests:ConcurrentReports", Math.Max(2, Environment.ProcessorCount));
        services.AddRequestTimeouts(options => options.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = timeout,
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
        });
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            options.AddConcurrencyLimiter(HeavyReport, limiter =>
            {
                limiter.PermitLimit = concurrentReports;
                limiter.QueueLimit = 200;
                limiter.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
        });
    }
}
