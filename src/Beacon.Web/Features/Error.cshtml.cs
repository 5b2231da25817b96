using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Sorry, there is a problem with the service";
    public string Message { get; private set; } = "Try again later. What you entered has not been saved.";

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Message) = code switch
        {
            404 => ("Page not found", "If you typed the web address, check it is correct. If you followed a link to a child's record, the record may not exist."),
            403 => ("You do not have access to this page", "Your agency or role does not give you access. Ask your team manager if you need it."),
            400 => ("There was a problem with the request", "The page could not understand what was sent. Go back and try again."),
            _ => (Title, Message),
        };
    }
}
