using System.Net;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Beacon.Web.Infrastructure.GovUk;

/// <summary>
/// GOV.UK Design System form fields as tag helpers, bound to a model property so the name, value and any
/// error message beside the field always agree. (GovUk.Frontend.AspNetCore does this but is not in our
/// package mirror; these cover only the components Beacon uses.)
/// </summary>
public abstract class GovUkFieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")] public ModelExpression For { get; set; } = default!;
    [HtmlAttributeName("label")] public string Label { get; set; } = "";
    [HtmlAttributeName("hint")] public string? Hint { get; set; }
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = default!;

    protected string Name => For.Name;
    protected string Id => TagBuilder.CreateSanitizedId(For.Name, "-");
    /// <summary>As GOV.UK's macros do: the first option carries the field's id, so the error summary link focuses it.</summary>
    protected string ItemId(int n) => n == 0 ? Id : $"{Id}-{n + 1}";

    protected string? Error => ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.Errors.Count > 0
        ? entry.Errors[0].ErrorMessage : null;

    /// <summary>The value to show: what the person typed if the form came back with errors, else the model's.</summary>
    protected string? Value => ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is not null
        ? entry.AttemptedValue : For.Model?.ToString();

    protected static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    protected string HintAndError(out string describedBy)
    {
        var ids = new List<string>();
        var html = "";
        if (Hint is not null) { ids.Add($"{Id}-hint"); html += $"<div id=\"{Id}-hint\" class=\"govuk-hint\">{E(Hint)}</div>"; }
        if (Error is not null) { ids.Add($"{Id}-error"); html += $"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(Error)}</p>"; }
        describedBy = ids.Count > 0 ? $" aria-describedby=\"{string.Join(' ', ids)}\"" : "";
        return html;
    }

    protected void Render(TagHelperOutput output, string inner)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent(inner);
    }
}

[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkInputTagHelper : GovUkFieldTagHelper
{
    [HtmlAttributeName("type")] public string Type { get; set; } = "text";
    [HtmlAttributeName("width")] public int? Width { get; set; }
    [HtmlAttributeName("autocomplete")] public string? Autocomplete { get; set; }
    [HtmlAttributeName("spellcheck")] public bool Spellcheck { get; set; } = true;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var extra = HintAndError(out var describedBy);
        var css = "govuk-input" + (Width is { } w ? $" govuk-input--width-{w}" : "") + (Error is null ? "" : " govuk-input--error");
        var value = Type == "password" ? "" : Value;
        Render(output, $"<label class=\"govuk-label\" for=\"{Id}\">{E(Label)}</label>{extra}" +
            $"<input class=\"{css}\" id=\"{Id}\" name=\"{Name}\" type=\"{Type}\" value=\"{E(value)}\"{describedBy}" +
            $"{(Autocomplete is null ? "" : $" autocomplete=\"{Autocomplete}\"")}{(Spellcheck ? "" : " spellcheck=\"false\"")}>");
    }
}

[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkTextareaTagHelper : GovUkFieldTagHelper
{
    [HtmlAttributeName("rows")] public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var extra = HintAndError(out var describedBy);
        Render(output, $"<label class=\"govuk-label\" for=\"{Id}\">{E(Label)}</label>{extra}" +
            $"<textarea class=\"govuk-textarea{(Error is null ? "" : " govuk-textarea--error")}\" id=\"{Id}\" name=\"{Name}\" rows=\"{Rows}\"{describedBy}>{E(Value)}</textarea>");
    }
}

[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkSelectTagHelper : GovUkFieldTagHelper
{
    [HtmlAttributeName("items")] public IEnumerable<SelectListItem> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var extra = HintAndError(out var describedBy);
        var current = Value;
        var options = string.Join("", Items.GroupBy(i => i.Group?.Name).Select(group =>
        {
            var opts = string.Join("", group.Select(i =>
                $"<option value=\"{E(i.Value)}\"{(i.Value == current ? " selected" : "")}>{E(i.Text)}</option>"));
            return group.Key is null ? opts : $"<optgroup label=\"{E(group.Key)}\">{opts}</optgroup>";
        }));
        Render(output, $"<label class=\"govuk-label\" for=\"{Id}\">{E(Label)}</label>{extra}" +
            $"<select class=\"govuk-select{(Error is null ? "" : " govuk-select--error")}\" id=\"{Id}\" name=\"{Name}\"{describedBy}>{options}</select>");
    }
}

/// <summary>A single yes/no checkbox (the hidden "false" makes an unticked box post a value).</summary>
[HtmlTargetElement("govuk-checkbox", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkCheckboxTagHelper : GovUkFieldTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        // As GOV.UK's checkbox: an error above the box, the hint under its own label (not above, where it reads as
        // belonging to the question before).
        var ids = new List<string>();
        var error = "";
        if (Error is not null) { ids.Add($"{Id}-error"); error = $"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(Error)}</p>"; }
        var hint = "";
        if (Hint is not null) { ids.Add($"{Id}-hint"); hint = $"<div id=\"{Id}-hint\" class=\"govuk-hint govuk-checkboxes__hint\">{E(Hint)}</div>"; }
        var describedBy = ids.Count > 0 ? $" aria-describedby=\"{string.Join(' ', ids)}\"" : "";
        var isChecked = string.Equals(Value, "true", StringComparison.OrdinalIgnoreCase);
        Render(output, $"{error}<div class=\"govuk-checkboxes govuk-checkboxes--small\"><div class=\"govuk-checkboxes__item\">" +
            $"<input class=\"govuk-checkboxes__input\" id=\"{Id}\" name=\"{Name}\" type=\"checkbox\" value=\"true\"{(isChecked ? " checked" : "")}{describedBy}>" +
            $"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{Id}\">{E(Label)}</label>{hint}</div></div>" +
            $"<input type=\"hidden\" name=\"{Name}\" value=\"false\">");
    }
}

/// <summary>Several checkboxes bound to a list of values.</summary>
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkCheckboxesTagHelper : GovUkFieldTagHelper
{
    [HtmlAttributeName("items")] public IEnumerable<SelectListItem> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var extra = HintAndError(out var describedBy);
        // A posted empty value binds as a null item: it ticks nothing.
        var selected = (For.Model as System.Collections.IEnumerable)?.Cast<object?>().Select(o => o?.ToString()).ToHashSet() ?? [];
        var boxes = string.Join("", Items.Select((item, n) =>
            $"<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"{ItemId(n)}\" name=\"{Name}\" type=\"checkbox\" value=\"{E(item.Value)}\"" +
            $"{(selected.Contains(item.Value) || item.Selected ? " checked" : "")}{(item.Disabled ? " disabled" : "")}>" +
            $"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{ItemId(n)}\">{E(item.Text)}</label></div>"));
        Render(output, $"<fieldset class=\"govuk-fieldset\"{describedBy}><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(Label)}</legend>{extra}" +
            $"<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\">{boxes}</div></fieldset>");
    }
}

/// <summary>Choices several forms share, bound to a <c>bool?</c> (unanswered stays null, so "say which" can be asked).</summary>
public static class GovUkChoices
{
    public static IEnumerable<SelectListItem> YesNo() => [new("Yes", "True"), new("No", "False")];

    /// <summary>
    /// An enum's values as choices, by their display names (in declaration order), optionally only those
    /// <paramref name="offered"/> and after an empty first choice (<paramref name="any"/>, e.g. "Any stage") for a filter.
    /// </summary>
    public static IEnumerable<SelectListItem> Of<TEnum>(string? any = null, Func<TEnum, bool>? offered = null) where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>().Where(v => offered?.Invoke(v) ?? true)
            .Select(v => new SelectListItem(Core.Common.EnumDisplay.Name(v), v.ToString()));
        return any is null ? values.ToList() : [new SelectListItem(any, ""), .. values];
    }
}

[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkRadiosTagHelper : GovUkFieldTagHelper
{
    [HtmlAttributeName("items")] public IEnumerable<SelectListItem> Items { get; set; } = [];
    [HtmlAttributeName("inline")] public bool Inline { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var extra = HintAndError(out var describedBy);
        var current = Value;
        var radios = string.Join("", Items.Select((item, n) =>
            $"<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"{ItemId(n)}\" name=\"{Name}\" type=\"radio\" value=\"{E(item.Value)}\"{(item.Value == current ? " checked" : "")}>" +
            $"<label class=\"govuk-label govuk-radios__label\" for=\"{ItemId(n)}\">{E(item.Text)}</label></div>"));
        Render(output, $"<fieldset class=\"govuk-fieldset\"{describedBy}><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(Label)}</legend>{extra}" +
            $"<div class=\"govuk-radios{(Inline ? " govuk-radios--inline" : "")} govuk-radios--small\" data-module=\"govuk-radios\">{radios}</div></fieldset>");
    }
}

/// <summary>Day, month and year boxes bound to a <see cref="DateInput"/>; the error is keyed on the date as a whole.</summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkDateInputTagHelper : GovUkFieldTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var extra = HintAndError(out var describedBy);
        var date = For.Model as DateInput ?? new DateInput();
        // The day box carries the field's id, so the error summary link puts the cursor in it.
        string Part(string part, string label, string? value, int width)
        {
            var partId = part == "Day" ? Id : $"{Id}-{part.ToLowerInvariant()}";
            return $"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\"><label class=\"govuk-label govuk-date-input__label\" for=\"{partId}\">{label}</label>" +
                $"<input class=\"govuk-input govuk-date-input__input govuk-input--width-{width}{(Error is null ? "" : " govuk-input--error")}\" id=\"{partId}\" name=\"{Name}.{part}\" type=\"text\" inputmode=\"numeric\" value=\"{E(value)}\"></div></div>";
        }
        Render(output, $"<fieldset class=\"govuk-fieldset\" role=\"group\"{describedBy}><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(Label)}</legend>{extra}" +
            $"<div class=\"govuk-date-input\" id=\"{Id}-date-input\">{Part("Day", "Day", date.Day, 2)}{Part("Month", "Month", date.Month, 2)}{Part("Year", "Year", date.Year, 4)}</div></fieldset>");
    }
}

/// <summary>The error summary at the top of a page, each message linking to its field.</summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkErrorSummaryTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = default!;

    /// <summary>
    /// GOV.UK lists problems in the order the fields appear. The submitted fields arrive in page order, so a
    /// message takes the position of its field there; messages about the whole form come first.
    /// </summary>
    private int PagePosition(string key)
    {
        if (key.Length == 0) return -1;
        var request = ViewContext.HttpContext.Request;
        var submitted = request.HasFormContentType ? request.Form.Keys : request.Query.Keys;
        var position = 0;
        foreach (var field in submitted)
        {
            if (field == key || field.StartsWith(key + ".", StringComparison.Ordinal)) return position;
            position++;
        }
        return int.MaxValue;
    }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var errors = ViewContext.ViewData.ModelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .Select(e => (Key: e.Key, Message: e.Value!.Errors[0].ErrorMessage))
            .OrderBy(e => PagePosition(e.Key))
            .ToList();
        if (errors.Count == 0) { output.SuppressOutput(); return; }
        var items = string.Join("", errors.Select(e => e.Key.Length == 0
            ? $"<li>{WebUtility.HtmlEncode(e.Message)}</li>"
            : $"<li><a href=\"#{TagBuilder.CreateSanitizedId(e.Key, "-")}\">{WebUtility.HtmlEncode(e.Message)}</a></li>"));
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Content.SetHtmlContent(new HtmlString(
            "<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\">" +
            $"<ul class=\"govuk-list govuk-error-summary__list\">{items}</ul></div></div>"));
    }
}
