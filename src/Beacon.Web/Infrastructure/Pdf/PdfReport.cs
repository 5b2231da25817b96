using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Beacon.Web.Infrastructure.Pdf;

/// <summary>
/// Beacon's PDF documents (panel minutes now; later reports): headings, labelled lines and wrapped paragraphs on A4
/// pages, drawn with SkiaSharp's PDF backend (MIT) in the DejaVu Sans font shipped with Beacon, so a server without
/// fonts installed still prints every character. Text in scripts that join or reorder their letters (Arabic, Urdu,
/// Hebrew, the Indic scripts: names in many of a borough's communities) is shaped by HarfBuzz (SkiaSharp.HarfBuzz);
/// other text is drawn letter by letter, so no ligature ("ﬁ") stops a search of the PDF finding "firm". Charts (<see cref="ReportChart"/>) are drawn onto the same
/// canvas. Each page carries the protective marking and its number.
/// </summary>
public sealed class PdfReport
{
    private const float PageWidth = 595, PageHeight = 842, Margin = 56;
    private abstract record Block(float Before);
    private sealed record TextBlock(string Text, SKTypeface Face, float Size, float Before) : Block(Before);
    private sealed record ChartBlock(ReportChart Chart, float Height, float Before) : Block(Before);

    private readonly string _title;
    private readonly string _marking;
    private readonly List<Block> _blocks = [];

    public PdfReport(string title, string marking = "OFFICIAL-SENSITIVE")
    {
        _title = title;
        _marking = marking;
        _blocks.Add(new TextBlock(title, ReportFonts.Bold, 18, 0));
    }

    public PdfReport Heading(string text) { _blocks.Add(new TextBlock(text, ReportFonts.Bold, 13, 14)); return this; }
    public PdfReport Paragraph(string text) { _blocks.Add(new TextBlock(text, ReportFonts.Regular, 10.5f, 4)); return this; }
    public PdfReport Line(string label, string value) { _blocks.Add(new TextBlock($"{label}: {value}", ReportFonts.Regular, 10.5f, 2)); return this; }
    /// <summary>A chart the width of the text, <paramref name="height"/> points tall, on a new page if it does not fit.</summary>
    public PdfReport Chart(ReportChart chart, float height = 260) { _blocks.Add(new ChartBlock(chart, height, 10)); return this; }

    /// <summary>The finished document. Dated <paramref name="createdAtUtc"/>, so the same records give the same bytes.</summary>
    public byte[] ToBytes(DateTime createdAtUtc)
    {
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = _title, Author = "Beacon", Creator = "Beacon", Producer = "Beacon (SkiaSharp)",
            Creation = createdAtUtc, Modified = createdAtUtc,
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var page = 0;
            SKCanvas? canvas = null;
            var y = 0f;
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var footerFont = new SKFont(ReportFonts.Regular, 8);
            using var regularShaper = new SKShaper(ReportFonts.Regular);
            using var boldShaper = new SKShaper(ReportFonts.Bold);

            void NewPage()
            {
                if (canvas is not null) document.EndPage();
                canvas = document.BeginPage(PageWidth, PageHeight);
                page++;
                Draw(canvas, regularShaper, $"{_marking} · {_title} · page {page}", Margin, PageHeight - Margin / 2, footerFont, ink);
                y = Margin;
            }

            NewPage();
            foreach (var block in _blocks)
            {
                y += block.Before;
                if (block is ChartBlock chart)
                {
                    if (y + chart.Height > PageHeight - Margin) NewPage();
                    chart.Chart.Draw(canvas!, SKRect.Create(Margin, y, PageWidth - 2 * Margin, chart.Height));
                    y += chart.Height;
                    continue;
                }
                var (text, face, size, _) = (TextBlock)block;
                var shaper = face == ReportFonts.Bold ? boldShaper : regularShaper;
                using var font = new SKFont(face, size);
                var lineHeight = size * 1.35f;
                foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
                    foreach (var line in Wrap(paragraph, font, PageWidth - 2 * Margin))
                    {
                        if (y + lineHeight > PageHeight - Margin) NewPage();
                        y += lineHeight;
                        Draw(canvas!, shaper, line, Margin, y, font, ink);
                    }
            }
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    private static void Draw(SKCanvas canvas, SKShaper shaper, string text, float x, float y, SKFont font, SKPaint ink)
    {
        if (NeedsShaping(text)) canvas.DrawShapedText(shaper, text, x, y, SKTextAlign.Left, font, ink);
        else canvas.DrawText(text, x, y, SKTextAlign.Left, font, ink);
    }

    /// <summary>Hebrew, Arabic, Syriac, Thaana and the scripts of South and South-East Asia, and Arabic's presentation forms.</summary>
    internal static bool NeedsShaping(string text) =>
        text.Any(c => c is >= '\u0590' and <= '\u1CFF' or >= '\uA8E0' and <= '\uABFF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF');

    /// <summary>Words onto lines no wider than <paramref name="width"/>; a word longer than a line is cut.</summary>
    internal static IEnumerable<string> Wrap(string text, SKFont font, float width)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (font.MeasureText(candidate) <= width) { line = candidate; continue; }
            if (line.Length > 0) yield return line;
            line = word;
            while (font.MeasureText(line) > width && line.Length > 1)
            {
                var cut = line.Length - 1;
                while (cut > 1 && font.MeasureText(line[..cut]) > width) cut--;
                yield return line[..cut];
                line = line[cut..];
            }
        }
        yield return line;
    }
}
