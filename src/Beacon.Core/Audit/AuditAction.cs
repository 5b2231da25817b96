using System.ComponentModel.DataAnnotations;

namespace Beacon.Core.Audit;

/// <summary>
/// What an audited actor did. The numbers are hashed into every entry and stored in the database,
/// so an existing value must never be renumbered or reused; add new actions with new numbers.
/// </summary>
public enum AuditAction
{
    [Display(Name = "Viewed")] Viewed = 1,
    [Display(Name = "Created")] Created = 2,
    [Display(Name = "Updated")] Updated = 3,
    [Display(Name = "Withdrawn")] Withdrawn = 4,
    [Display(Name = "Redacted")] Redacted = 5,
    [Display(Name = "Access granted")] AccessGranted = 6,
    [Display(Name = "Access revoked")] AccessRevoked = 7,
    [Display(Name = "Signed in")] SignedIn = 8,
    [Display(Name = "Sign-in failed")] SignInFailed = 9,
    [Display(Name = "Exported")] Exported = 10,
    [Display(Name = "Password changed")] PasswordChanged = 11,
    [Display(Name = "Password reset")] PasswordReset = 12,
    [Display(Name = "Roles changed")] RolesChanged = 13,
    [Display(Name = "Account disabled")] AccountDisabled = 14,
    [Display(Name = "Account re-enabled")] AccountEnabled = 15,
    [Display(Name = "Account unlocked")] AccountUnlocked = 16,
    [Display(Name = "Two-factor sign-in reset")] TwoFactorReset = 17,
    /// <summary>Someone asked for a record or an action they may not have: who tried is kept as well as who looked.</summary>
    [Display(Name = "Access refused")] AccessRefused = 18,
}
