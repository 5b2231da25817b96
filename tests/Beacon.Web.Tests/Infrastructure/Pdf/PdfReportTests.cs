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
