using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Beacon.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Beacon.Web.Tests.Infrastructure;

/// <summary>
/// A person using Beacon through HTTP: reads pages as HTML and submits their forms (with the anti-forgery
/// token the page carries), exactly as a browser without JavaScript would.
/// </summary>
public sealed class BeaconClient(HttpClient http, System.Net.CookieContainer cookies) : IDisposable
{
    private static readonly IBrowsingContext Html = BrowsingContext.New(Configuration.Default);

    /// <summary>A browser of its own: its own cookies, redirects not followed (so tests see them).</summary>
    public static BeaconClient For(BeaconFactory factory)
    {
        var cookies = new System.Net.CookieContainer();
        return new(factory.CreateDefaultClient(factory.ClientOptions.BaseAddress, new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies)), cookies);
    }

    /// <summary>The cookies this client holds, as a browser would send them to Beacon.</summary>
    public string CookieHeader => cookies.GetCookieHeader(http.BaseAddress!);

    public HttpClient Http => http;

    public static async Task<BeaconClient> SignedInAsync(BeaconFactory factory, string email)
    {
        var client = For(factory);
        var response = await client.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        return client;
    }

    public async Task<PageResponse> SignInAsync(string email, string password = DemoData.Password) =>
        await SubmitAsync("/Account/Login", "form", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    public async Task<PageResponse> GetAsync(string url)
    {
        using var response = await http.GetAsync(url);
        return await PageResponse.ReadAsync(response);
    }

    /// <summary>Opens the page, fills the chosen form and posts it.</summary>
    public async Task<PageResponse> SubmitAsync(string url, string formSelector, Dictionary<string, string> fields, Dictionary<string, (string FileName, byte[] Content)>? files = null)
    {
        var page = await GetAsync(url);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {url} answered {(int)page.Status}");
        return await SubmitAsync(page, formSelector, fields, url, files);
    }

    public async Task<PageResponse> SubmitAsync(PageResponse page, string formSelector, Dictionary<string, string> fields, string? pageUrl = null,
        Dictionary<string, (string FileName, byte[] Content)>? files = null)
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on the page");
        return await SubmitAsync(form, fields, pageUrl ?? page.Url, files);
    }

    /// <summary>
    /// Submits one form as a browser would (GET forms as a query string, file upload forms as multipart), with some
    /// fields overridden and files chosen for its file inputs.
    /// </summary>
    public async Task<PageResponse> SubmitAsync(IHtmlFormElement form, Dictionary<string, string> fields, string pageUrl,
        Dictionary<string, (string FileName, byte[] Content)>? files = null)
    {
        var values = new List<KeyValuePair<string, string>>();
        var overridden = new HashSet<string>(fields.Keys);
        foreach (var element in form.Elements.OfType<IHtmlElement>())
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || overridden.Contains(name)) continue;
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked: continue;
                case IHtmlInputElement { Type: "submit" or "file" }: continue;
                case IHtmlInputElement input: values.Add(new(name, input.Value)); break;
                case IHtmlTextAreaElement area: values.Add(new(name, area.Value)); break;
                case IHtmlSelectElement select: values.Add(new(name, select.Value ?? "")); break;
            }
        }
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        if (string.Equals(form.Method, "get", StringComparison.OrdinalIgnoreCase))
        {
            var query = await new FormUrlEncodedContent(values).ReadAsStringAsync();
            return await GetAsync(target.Split('?')[0] + "?" + query);
        }
        if (string.Equals(form.Enctype, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            using var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in values) multipart.Add(new StringContent(value), name);
            foreach (var (name, file) in files ?? [])
            {
                var content = new ByteArrayContent(file.Content);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
                multipart.Add(content, name, file.FileName);
            }
            using var uploaded = await http.PostAsync(target, multipart);
            return await PageResponse.ReadAsync(uploaded);
        }
        using var response = await http.PostAsync(target, new FormUrlEncodedContent(values));
        return await PageResponse.ReadAsync(response);
    }

    public void Dispose() => http.Dispose();

    public sealed record PageResponse(HttpStatusCode Status, string Url, string? Location, IDocument Document)
    {
        public static async Task<PageResponse> ReadAsync(HttpResponseMessage response)
        {
            var html = await response.Content.ReadAsStringAsync();
            var document = await Html.OpenAsync(request => request.Content(html));
            return new PageResponse(response.StatusCode, response.RequestMessage?.RequestUri?.PathAndQuery ?? "",
                response.Headers.Location?.OriginalString, document);
        }

        /// <summary>The messages in the GOV.UK error summary at the top of the page.</summary>
        public IReadOnlyList<string> Errors => Document.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();

        /// <summary>The error message shown beside one field.</summary>
        public string? FieldError(string fieldId) =>
            Document.QuerySelector($"#{fieldId}-error")?.TextContent.Replace("Error:", "").Trim();

        public string Text => Document.Body?.TextContent ?? "";
    }
}
