using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Beacon.Web.Infrastructure.GovUk;

/// <summary>
/// Every GOV.UK table scrolls sideways inside its own box on a narrow screen, instead of pushing the whole page
/// (header and all) wider than a phone. The box is a focusable region named after the table's caption, so
/// keyboard users can scroll it too (WCAG 2.1.1, axe's "scrollable-region-focusable").
/// </summary>
[HtmlTargetElement("table", Attributes = "class")]
public sealed partial class TableScrollTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var classes = output.Attributes["class"]?.Value?.ToString() ?? "";
        if (!classes.Split(' ').Contains("govuk-table")) return;
        var content = (await output.GetChildContentAsync()).GetContent();
        var caption = Caption().Match(content) is { Success: true } m ? WebUtility.HtmlDecode(Tags().Replace(m.Groups[1].Value, "")).Trim() : null;
        // Each region needs a name of its own (axe: landmark-unique): the caption, else the table's id in words.
        var id = output.Attributes["id"]?.Value?.ToString();
        var label = output.Attributes["aria-label"]?.Value?.ToString()
            ?? (!string.IsNullOrEmpty(caption) ? caption
                : !string.IsNullOrEmpty(id) ? char.ToUpperInvariant(id[0]) + id[1..].Replace('-', ' ')
                : "Table");
        output.PreElement.SetHtmlContent($"<div class=\"beacon-table-scroll\" role=\"region\" aria-label=\"{WebUtility.HtmlEncode(label)}\" tabindex=\"0\">");
        output.PostElement.SetHtmlContent("</div>");
    }

    [GeneratedRegex("<caption[^>]*>(.*?)</caption>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Caption();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
