using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Beacon.Web.Infrastructure.Web;

/// <summary>
/// A form can only send what it offers: text, and choices from its own lists. A value that cannot even be read
/// as its field's type ("banana" for a tick box, "Nope" for a choice, a word for a number) did not come from the
/// form, so the request is refused as a whole and changes nothing; it is never read as a default.
/// Pages clear ModelState to apply Beacon's own wording, so this is decided before any handler runs.
/// </summary>
internal sealed class UnofferedValueFilter : IAsyncPageFilter
{
    /// <summary>The wording every model-binding failure is given (see <see cref="Use"/>), by which it is recognised.</summary>
    public const string Message = "This form sent a value it does not offer";

    public static void Use(Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => Message);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => Message);
        messages.SetUnknownValueIsInvalidAccessor(_ => Message);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => Message);
        messages.SetValueIsInvalidAccessor(_ => Message);
        messages.SetValueMustBeANumberAccessor(_ => Message);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => Message);
        messages.SetValueMustNotBeNullAccessor(_ => Message);
        messages.SetMissingBindRequiredValueAccessor(_ => Message);
        messages.SetMissingKeyOrValueAccessor(() => Message);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => Message);
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.ModelState.Values.Any(v => v.Errors.Any(e => e.ErrorMessage == Message)))
        {
            context.Result = new BadRequestResult();
            return Task.CompletedTask;
        }
        return next();
    }
}
