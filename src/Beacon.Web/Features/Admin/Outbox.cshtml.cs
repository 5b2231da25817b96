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
}
