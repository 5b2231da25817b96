using Beacon.Core.Audit;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Email;
using Beacon.Web.Infrastructure.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Admin;

/// <summary>
/// Every email Beacon has sent, newest first. Without GOV.UK Notify this is where an email is delivered, so an
/// administrator can pass a set-password link on. Emails can hold sign-in links, so each look is audited.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class OutboxModel(BeaconDbContext db, AuditTrail audit) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public Paged<OutboxEmail> Emails { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Emails = await Paged<OutboxEmail>.ReadAsync(
            db.OutboxEmails.AsNoTracking().OrderByDescending(e => e.CreatedAtUtc).ThenBy(e => e.Id), PageNumber, PageSize, ct);
        await audit.RecordAsync(AuditAction.Viewed, "Outbox", "-", null,
            $"Viewed the email outbox, page {Emails.PageNumber}: {Emails.Items.Count} emails", ct);
    }

    /// <summary>
    /// Emails carry live set-password and reset links. Where GOV.UK Notify delivered the email, the administrator
    /// sees that it was sent but never the link, so reading the outbox is not a way into someone's account. Only
    /// where the outbox is the delivery (no Notify: the demo, a closed network) is the link shown, for the
    /// administrator to pass on.
    /// </summary>
    public static string Shown(Infrastructure.Email.OutboxEmail email) => email.DeliveredVia == "Outbox" ? email.Body : WithoutLinks(email.Body);

    public static string WithoutLinks(string body) =>
        System.Text.RegularExpressions.Regex.Replace(body, @"https?://\S+", "[link hidden: only the recipient can use it]");
}
