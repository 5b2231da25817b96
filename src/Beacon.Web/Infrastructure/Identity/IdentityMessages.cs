using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Beacon.Web.Infrastructure.Identity;

/// <summary>Identity's refusals in the words of the GOV.UK Design System's error messages.</summary>
public sealed class BeaconIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Password must be {length} characters or more" };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "Password must include a number" };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "Password must include a lower case letter" };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "Password must include a capital letter" };
    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "Password must include a symbol, like ! or #" };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Password must use at least {uniqueChars} different characters" };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "Your current password is not correct" };
    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = "This link has expired or has already been used. Ask for a new one." };
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = "There is already an account with this email address" };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = "There is already an account with this email address" };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = "Enter an email address in the correct format, like name@example.org" };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = "Email address must only include letters, numbers and @ . - _ +" };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "Someone else changed this account at the same time. Check it and try again." };
    public override IdentityError RecoveryCodeRedemptionFailed() => new() { Code = nameof(RecoveryCodeRedemptionFailed), Description = "That recovery code is not correct, or it has already been used" };
}

public static class IdentityMessages
{
    /// <summary>
    /// Puts Identity's refusals beside the fields they are about: password rules beside <paramref name="passwordField"/>,
    /// a wrong current password beside <paramref name="currentPasswordField"/>, email and user name problems beside
    /// <paramref name="emailField"/>, anything else at the top of the page.
    /// </summary>
    public static void AddIdentityErrors(this ModelStateDictionary modelState, IdentityResult result,
        string passwordField = "", string currentPasswordField = "", string emailField = "")
    {
        foreach (var error in result.Errors)
            modelState.AddModelError(FieldOf(error.Code, passwordField, currentPasswordField, emailField), error.Description);
    }

    internal static string FieldOf(string code, string passwordField = "", string currentPasswordField = "", string emailField = "") => code switch
    {
        nameof(IdentityErrorDescriber.PasswordMismatch) => currentPasswordField,
        _ when code.StartsWith("Password", StringComparison.Ordinal) => passwordField,
        _ when code.Contains("Email", StringComparison.Ordinal) || code.Contains("UserName", StringComparison.Ordinal) => emailField,
        _ => "",
    };
}
