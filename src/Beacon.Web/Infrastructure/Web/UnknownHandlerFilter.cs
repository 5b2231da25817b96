using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Beacon.Web.Infrastructure.Web;

/// <summary>
/// A request that names no handler the page has (<c>?handler=Nope</c>, or a POST to a page without one) is
/// "not found". Razor Pages would otherwise render the page with nothing loaded.
/// </summary>
internal sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // The error page answers whatever request failed, including a POST.
        if (context.ActionDescriptor.ViewEnginePath == "/Error") return next();
        var hasHandlers = context.ActionDescriptor.HandlerMethods.Count > 0;
        if (context.HandlerMethod is null && (hasHandlers || context.HttpContext.Request.Query.ContainsKey("handler")
                || !HttpMethods.IsGet(context.HttpContext.Request.Method)))
        {
            context.Result = new NotFoundResult();
            return Task.CompletedTask;
        }
        return next();
    }
}
