using System.ComponentModel.DataAnnotations;
using Beacon.Core.Audit;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Account;

/// <summary>
/// Asks for a password reset link. The answer is the same whether or not the address has an account, so the page
/// cannot be used to find out who has one. Disabled accounts are sent nothing.
/// </summary>
public sealed class ForgotPasswordModel(UserManager<BeaconUser> users, PasswordEmails emails, AuditTrail audit, SignInThrottle throttle) : PageModel
{
    [BindProperty] public EmailInput Input { get; set; } = new();
    public bool Sent { get; private set; }

    public sealed class EmailInput
    {
        [Required(ErrorMessage = "Enter your email address"), EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org"), StringLength(256)]
        public string Email { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        if (throttle.IsBlocked(HttpContext))
        {
            ModelState.AddModelError("", SignInThrottle.Message);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        // Each request may send an email: every one counts.
        throttle.RecordFailure(HttpContext);
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is { IsDisabled: false, Email: not null })
        {
            await emails.SendResetAsync(user, HttpContext, ct);
            await audit.RecordAsync(AuditAction.PasswordReset, "Account", user.Id, null, $"A password reset link was emailed to {user.Email}", ct);
        }
        Sent = true;
        return Page();
    }
}
