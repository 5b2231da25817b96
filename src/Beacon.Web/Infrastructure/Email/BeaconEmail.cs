using Beacon.Web.Infrastructure.Data;
using Microsoft.Extensions.Options;
using Notify.Client;
using Notify.Exceptions;

namespace Beacon.Web.Infrastructure.Email;

/// <summary>How Beacon sends an email. Every email is kept in the outbox; GOV.UK Notify delivers it when configured.</summary>
public interface IBeaconEmail
{
    Task SendAsync(string to, string subject, string body, CancellationToken ct = default);
}

/// <summary>
/// GOV.UK Notify settings (Beacon:Email:Notify). The template is one email template whose subject is
/// <c>((subject))</c> and whose body is <c>((body))</c>, so Beacon writes the words.
/// </summary>
public sealed class NotifyOptions
{
    public const string Section = "Beacon:Email:Notify";
    public string? ApiKey { get; set; }
    public string? TemplateId { get; set; }
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey) && !string.IsNullOrWhiteSpace(TemplateId);
}

public static class EmailServices
{
    public static IServiceCollection AddBeaconEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotifyOptions>(configuration.GetSection(NotifyOptions.Section));
        services.AddHttpClient(OutboxAndNotifyEmail.NotifyClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddScoped<IBeaconEmail, OutboxAndNotifyEmail>();
        return services;
    }
}

/// <summary>
/// Writes every email to <see cref="OutboxEmail"/>, and hands it to GOV.UK Notify when an API key and template are
/// configured, recording Notify's notification id or why Notify refused it. A Notify failure never fails the
/// request: the email stays readable in the outbox.
/// </summary>
internal sealed class OutboxAndNotifyEmail(
    BeaconDbContext db, TimeProvider clock, IOptionsMonitor<NotifyOptions> options, IHttpClientFactory http, ILogger<OutboxAndNotifyEmail> logger)
    : IBeaconEmail
{
    public const string NotifyClientName = "GOV.UK Notify";
    public const string ViaOutbox = "Outbox";
    public const string ViaNotify = "GOV.UK Notify";

    public async Task SendAsync(string to, string subject, string body, CancellationToken ct = default)
    {
        var email = new OutboxEmail
        {
            To = to,
            Subject = subject,
            Body = body,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            DeliveredVia = ViaOutbox,
        };
        var notify = options.CurrentValue;
        if (notify.IsConfigured)
        {
            try
            {
                // The factory's pooled handler; Notify's client sets its own base address and headers on this instance.
                var client = new NotificationClient(new HttpClientWrapper(http.CreateClient(NotifyClientName)), notify.ApiKey!);
                var response = await client.SendEmailAsync(to, notify.TemplateId!,
                    new Dictionary<string, object> { ["subject"] = subject, ["body"] = body });
                email.DeliveredVia = ViaNotify;
                email.DeliveryReference = response.id;
            }
            catch (Exception e) when (e is NotifyClientException or NotifyAuthException or HttpRequestException or TaskCanceledException)
            {
                logger.LogWarning(e, "GOV.UK Notify did not accept an email; it is kept in the outbox");
                email.DeliveryError = Shorten($"GOV.UK Notify: {e.Message}", 500);
            }
        }
        db.OutboxEmails.Add(email);
        await db.SaveChangesAsync(ct);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
