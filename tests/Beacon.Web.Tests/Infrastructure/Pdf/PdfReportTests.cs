using Beacon.Web.Infrastructure.Pdf;
using UglyToad.PdfPig;

namespace Beacon.Web.Tests.Infrastructure.Pdf;

public sealed class PdfReportTests
{
    private static readonly ReportChart Chart = new("Actions at each meeting", ["1 Jan", "15 Jan", "29 Jan"],
        [new("Actions set", [3, 5, 2]), new("Overdue now", [0, 1, 0])]);

    [Fact]
    public void A_chart_scales_inside_a_page_and_names_its_series()
    {
        var svg = Chart.ToSvg(600, 300);
        Assert.StartsWith("<svg viewBox=\"0 0 600 300\"", svg);
        Assert.DoesNotContain("<?xml", svg);
        Assert.Contains("Actions set", svg);
        Assert.Contains("Overdue now", svg);
        Assert.Contains("15 Jan", svg);
    }

    [Fact]
    public void A_chart_is_drawn_again_when_anything_it_is_drawn_from_differs()
    {
        // Drawings are kept for the same figures: each difference must give its own picture, never a kept one.
        var same = new ReportChart("Actions at each meeting", ["1 Jan", "15 Jan", "29 Jan"], [new("Actions set", [3, 5, 2]), new("Overdue now", [0, 1, 0])]);
        Assert.Same(Chart.ToSvg(600, 300), same.ToSvg(600, 300));
        string[] variants =
        [
            new ReportChart("Actions at each meeting", ["1 Jan", "15 Jan", "29 Jan"], [new("Actions set", [3, 5, 7]), new("Overdue now", [0, 1, 0])]).ToSvg(600, 300),
            new ReportChart("Actions at each meeting", ["1 Jan", "15 Jan", "30 Jan"], [new("Actions set", [3, 5, 2]), new("Overdue now", [0, 1, 0])]).ToSvg(600, 300),
            new ReportChart("Actions at every meeting", ["1 Jan", "15 Jan", "29 Jan"], [new("Actions set", [3, 5, 2]), new("Overdue now", [0, 1, 0])]).ToSvg(600, 300),
            new ReportChart("Actions at each meeting", ["1 Jan", "15 Jan", "29 Jan"], [new("Actions set", [3, 5, 2]), new("Late", [0, 1, 0])]).ToSvg(600, 300),
            ReportChart.Bars("Actions at each meeting", ["1 Jan", "15 Jan", "29 Jan"], new("Actions set", [3, 5, 2])).ToSvg(600, 300),
            Chart.ToSvg(640, 300),
        ];
        Assert.Equal(variants.Length + 1, variants.Append(Chart.ToSvg(600, 300)).Distinct().Count());
        Assert.Contains("30 Jan", variants[1]);
        Assert.StartsWith("<svg viewBox=\"0 0 640 300\"", variants[^1]);
    }

    [Fact]
    public void Text_and_charts_are_written_in_the_embedded_font_and_can_be_read_back()
    {
        // Accented Latin names come back as typed; a name in Arabic script is shaped (joined, right to left) by HarfBuzz.
        var bytes = new PdfReport("Figures").Line("Chair", "Zoë Ñúñez Łukasz").Chart(Chart).Paragraph("After the chart: the firm's office").Paragraph("عائشة خان").ToBytes(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        using var document = PdfDocument.Open(bytes);
        var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Zoë", text);
        Assert.Contains("Łukasz", text);
        Assert.Contains("Overdue now", ChartText(text)); // the chart's legend
        Assert.Contains("firm's office", text); // Latin text keeps its letters: no "ﬁ" ligature to defeat a search
        Assert.All(document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName), f => Assert.Contains("DejaVu", f));
    }

    /// <summary>
    /// A chart's labels come back from the PDF's text layer with each letter twice ("OOvveerrdduuee"), as ScottPlot
    /// draws them; on paper they read once.
    /// </summary>
    public static string ChartText(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"(.)\1", "$1");

    [Fact]
    public void The_same_records_give_the_same_bytes()
    {
        var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new PdfReport("Figures").Chart(Chart).ToBytes(at), new PdfReport("Figures").Chart(Chart).ToBytes(at));
    }
}
