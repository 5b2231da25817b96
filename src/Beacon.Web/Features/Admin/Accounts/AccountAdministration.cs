using Beacon.Core.Access;
using Beacon.Core.Audit;
using Beacon.Core.Common;
using Beacon.Core.Organisations;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Admin.Accounts;

/// <summary>
/// Every change an administrator makes to an account. Each goes through Identity's <see cref="UserManager{TUser}"/>
/// and is written to the audit log (who, and what changed) in one transaction: never half made, never unrecorded.
/// A change that may not be made is refused with a <see cref="DomainRuleViolation"/> naming the field.
/// </summary>
public sealed class AccountAdministration(UserManager<BeaconUser> users, BeaconDbContext db, AuditTrail audit, TimeProvider clock)
{
    public const string Entity = "Account";

    public sealed record NewAccount(string DisplayName, string Email, Guid OrganisationId, IReadOnlyList<string> Roles, string? Team);

    /// <summary>Creates an account with no password; the person sets one from the emailed link.</summary>
    public async Task<BeaconUser> CreateAsync(NewAccount account, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == account.OrganisationId, ct)
            ?? throw new DomainRuleViolation("Select an organisation from the list", nameof(NewAccount.OrganisationId));
        var roles = OrganisationRoles.Require(organisation.Kind, account.Roles);
        var email = account.Email.Trim();
        var user = new BeaconUser
        {
            UserName = email,
            Email = email,
            DisplayName = account.DisplayName.Trim(),
            OrganisationId = organisation.Id,
            Team = string.IsNullOrWhiteSpace(account.Team) ? null : account.Team.Trim(),
        };
        await InTransactionAsync(async () =>
        {
            Check(await users.CreateAsync(user));
            Check(await users.AddToRolesAsync(user, roles));
            await audit.RecordAsync(AuditAction.Created, Entity, user.Id, null,
                $"Account created for {user.DisplayName} ({user.Email}), {organisation.Name}, as {Describe(roles)}", ct);
        }, ct);
        return user;
    }

    /// <summary>Gives the account exactly these roles. Its sessions pick the change up at their next request.</summary>
    public async Task<bool> ChangeRolesAsync(BeaconUser user, IEnumerable<string> requested, string changedBy, CancellationToken ct)
    {
        var kind = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Kind).SingleAsync(ct);
        var roles = OrganisationRoles.Require(kind, requested);
        var current = BeaconRoles.All.Where((await users.GetRolesAsync(user)).Contains).ToList();
        if (current.SequenceEqual(roles)) return false;
        if (user.Id == changedBy && current.Contains(BeaconRoles.Administrator) && !roles.Contains(BeaconRoles.Administrator))
            throw new DomainRuleViolation("You cannot remove your own Administrator role: ask another administrator", "Roles");
        await InTransactionAsync(async () =>
        {
            Check(await users.RemoveFromRolesAsync(user, current.Except(roles)));
            Check(await users.AddToRolesAsync(user, roles.Except(current)));
            Check(await users.UpdateSecurityStampAsync(user));
            await audit.RecordAsync(AuditAction.RolesChanged, Entity, user.Id, null,
                $"Roles of {user.Email} changed from {Describe(current)} to {Describe(roles)}", ct);
        }, ct);
        return true;
    }

    /// <summary>Stops the account signing in and ends its sessions. Nothing is deleted.</summary>
    public async Task DisableAsync(BeaconUser user, string changedBy, CancellationToken ct)
    {
        if (user.IsDisabled) return;
        if (user.Id == changedBy) throw new DomainRuleViolation("You cannot disable your own account: ask another administrator");
        await InTransactionAsync(async () =>
        {
            user.IsDisabled = true;
            Check(await users.SetLockoutEnabledAsync(user, true));
            Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
            Check(await users.UpdateSecurityStampAsync(user));
            await audit.RecordAsync(AuditAction.AccountDisabled, Entity, user.Id, null, $"Account of {user.Email} disabled: it cannot sign in and its sessions have ended", ct);
        }, ct);
    }

    public async Task EnableAsync(BeaconUser user, CancellationToken ct)
    {
        if (!user.IsDisabled) return;
        await InTransactionAsync(async () =>
        {
            user.IsDisabled = false;
            Check(await users.SetLockoutEndDateAsync(user, null));
            Check(await users.ResetAccessFailedCountAsync(user));
            await audit.RecordAsync(AuditAction.AccountEnabled, Entity, user.Id, null, $"Account of {user.Email} re-enabled", ct);
        }, ct);
    }

    /// <summary>Lifts a lockout after failed sign-ins. A disabled account stays locked: re-enable it instead.</summary>
    public async Task UnlockAsync(BeaconUser user, CancellationToken ct)
    {
        if (user.IsDisabled) throw new DomainRuleViolation("This account is disabled: re-enable it instead of unlocking it");
        var lockedUntil = user.LockoutEnd;
        await InTransactionAsync(async () =>
        {
            Check(await users.SetLockoutEndDateAsync(user, null));
            Check(await users.ResetAccessFailedCountAsync(user));
            await audit.RecordAsync(AuditAction.AccountUnlocked, Entity, user.Id, null,
                lockedUntil > clock.GetUtcNow() ? $"Account of {user.Email} unlocked (it was locked after failed sign-ins)" : $"Failed sign-in count of {user.Email} cleared", ct);
        }, ct);
    }

    /// <summary>
    /// Turns two-factor sign-in off and gives the account a new authenticator key, so the old app entry stops working
    /// and the person must set it up again (Identity changes the security stamp, so their sessions end).
    /// </summary>
    public async Task ResetTwoFactorAsync(BeaconUser user, CancellationToken ct)
    {
        await InTransactionAsync(async () =>
        {
            // Setting two-factor up again gives out new recovery codes, which replace the old ones.
            Check(await users.SetTwoFactorEnabledAsync(user, false));
            Check(await users.ResetAuthenticatorKeyAsync(user));
            await audit.RecordAsync(AuditAction.TwoFactorReset, Entity, user.Id, null,
                $"Two-factor sign-in of {user.Email} reset: turned off, with a new authenticator key to set up", ct);
        }, ct);
    }

    public static string Describe(IEnumerable<string> roles) =>
        roles.Any() ? string.Join(", ", roles.Select(BeaconRoles.DisplayName)) : "no role";

    private async Task InTransactionAsync(Func<Task> change, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await change();
            await transaction.CommitAsync(ct);
        }
        catch
        {
            // Rolled back: forget what the context thought it had saved, so nothing half-made is saved later.
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>Identity's refusal as a reason beside the field it is about (email problems beside the email).</summary>
    private static void Check(IdentityResult result)
    {
        if (result.Succeeded) return;
        var error = result.Errors.First();
        var field = IdentityMessages.FieldOf(error.Code, emailField: nameof(NewAccount.Email));
        throw new DomainRuleViolation(error.Description, field.Length == 0 ? null : field);
    }
}
