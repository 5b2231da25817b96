using System.Net;
using System.Text;
using System.Text.Json;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Email;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Beacon.Web.Tests.Email;

/// <summary>Every email lands in the outbox; with GOV.UK Notify configured it is also handed to Notify (here a stand-in).</summary>
public sealed class EmailTests(SqliteBeacon beacon) : IClassFixture<SqliteBeacon>
{
    // The shape of a Notify API key: a name, the service id and the secret.
    private const string ApiKey = "beacon_test-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0";
    private const string TemplateId = "f33517ff-2a88-4f6e-b855-c550268ce08a";

    private sealed class StandInNotify(HttpStatusCode status, string answer) : HttpMessageHandler
    {
        public List<(Uri Uri, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Requests.Add((request.RequestUri!, await request.Content!.ReadAsStringAsync(ct)));
            return new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
        }
    }

    private async Task<OutboxEmail> SendAsync(string to, NotifyOptions notify, StandInNotify? standIn = null)
    {
        var services = new ServiceCollection();
        services.Configure<NotifyOptions>(o => { o.ApiKey = notify.ApiKey; o.TemplateId = notify.TemplateId; });
        services.AddHttpClient(OutboxAndNotifyEmail.NotifyClientName).ConfigurePrimaryHttpMessageHandler(() => standIn ?? new StandInNotify(HttpStatusCode.InternalServerError, "{}"));
        await using var provider = services.BuildServiceProvider();
        return await beacon.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BeaconDbContext>();
            var email = ActivatorUtilities.CreateInstance<OutboxAndNotifyEmail>(provider, db, TimeProvider.System, NullLogger<OutboxAndNotifyEmail>.Instance);
            await email.SendAsync(to, "Subject line", "Body text\nwith a link: http://localhost/x", TestContext.Current.CancellationToken);
            return await db.OutboxEmails.AsNoTracking().SingleAsync(e => e.To == to, TestContext.Current.CancellationToken);
        });
    }

    [Fact]
    public async Task Without_Notify_an_email_is_kept_in_the_outbox_only()
    {
        var kept = await SendAsync("outbox.only@beacon.test", new NotifyOptions());
        Assert.Equal("Outbox", kept.DeliveredVia);
        Assert.Null(kept.DeliveryReference);
        Assert.Null(kept.DeliveryError);
        Assert.Equal("Subject line", kept.Subject);
    }

    [Fact]
    public async Task With_Notify_the_email_goes_through_the_template_and_its_notification_id_is_kept()
    {
        var notificationId = Guid.NewGuid().ToString();
        var notify = new StandInNotify(HttpStatusCode.Created, JsonSerializer.Serialize(new
        {
            id = notificationId, reference = (string?)null, uri = "https://notify.invalid/v2/notifications/" + notificationId,
            content = new { subject = "Subject line", body = "Body text", from_email = "beacon@notify.invalid" },
            template = new { id = TemplateId, version = 1, uri = "https://notify.invalid/templates/" + TemplateId },
        }));
        var sent = await SendAsync("via.notify@beacon.test", new NotifyOptions { ApiKey = ApiKey, TemplateId = TemplateId }, notify);

        Assert.Equal("GOV.UK Notify", sent.DeliveredVia);
        Assert.Equal(notificationId, sent.DeliveryReference);
        var (uri, body) = Assert.Single(notify.Requests);
        Assert.EndsWith("/v2/notifications/email", uri.AbsolutePath);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("via.notify@beacon.test", json.RootElement.GetProperty("email_address").GetString());
        Assert.Equal(TemplateId, json.RootElement.GetProperty("template_id").GetString());
        Assert.Equal("Subject line", json.RootElement.GetProperty("personalisation").GetProperty("subject").GetString());
        Assert.StartsWith("Body text", json.RootElement.GetProperty("personalisation").GetProperty("body").GetString());
    }

    [Fact]
    public async Task When_Notify_refuses_the_email_stays_in_the_outbox_with_the_reason()
    {
        var notify = new StandInNotify(HttpStatusCode.BadRequest,
            """{"status_code": 400, "errors": [{"error": "BadRequestError", "message": "Can't send to this recipient using a team-only API key"}]}""");
        var kept = await SendAsync("refused@beacon.test", new NotifyOptions { ApiKey = ApiKey, TemplateId = TemplateId }, notify);

        Assert.Equal("Outbox", kept.DeliveredVia);
        Assert.Null(kept.DeliveryReference);
        Assert.Contains("team-only API key", kept.DeliveryError);
    }
}

public sealed class OutboxDisplayTests
{
    [Fact]
    public void Links_in_emails_Notify_delivered_are_hidden_from_the_administrator_and_shown_only_where_the_outbox_is_the_delivery()
    {
        var body = "Set your password: https://beacon.example/Account/ResetPassword?userId=1&code=secret";
        var delivered = new Beacon.Web.Infrastructure.Email.OutboxEmail { Body = body, DeliveredVia = "GOV.UK Notify" };
        Assert.DoesNotContain("secret", Beacon.Web.Features.Admin.OutboxModel.Shown(delivered));
        Assert.Contains("[link hidden", Beacon.Web.Features.Admin.OutboxModel.Shown(delivered));
        var kept = new Beacon.Web.Infrastructure.Email.OutboxEmail { Body = body, DeliveredVia = "Outbox" };
        Assert.Equal(body, Beacon.Web.Features.Admin.OutboxModel.Shown(kept));
    }
}
