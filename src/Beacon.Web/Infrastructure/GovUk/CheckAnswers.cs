namespace Beacon.Web.Infrastructure.GovUk;

/// <summary>
/// GOV.UK's "check your answers" step for a form that sends something once (a referral): the answers in the words of
/// the form's questions, shown before anything is saved. The form's values travel on as hidden fields, so "Change your
/// answers" brings the form back as typed, and the submission's id, chosen when the answers are first checked, lets the
/// database refuse the same answers sent twice (back and resubmit, or two clicks at once).
/// Rendered by Features/Shared/_CheckAnswers.cshtml.
/// </summary>
public sealed record CheckAnswers(IReadOnlyList<(string Question, string Answer)> Answers, Guid SubmissionId, string WhatHappensNext, string SendLabel)
{
    /// <summary>The form fields that steer the step itself, never echoed back as answers.</summary>
    public static readonly string[] ControlFields = ["__RequestVerificationToken", "Confirmed", "Change", "SubmissionId"];

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    public static string Text(string? value, string none = "Not given") => string.IsNullOrWhiteSpace(value) ? none : value.Trim();
}
