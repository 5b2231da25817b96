using SkiaSharp;

namespace Beacon.Web.Infrastructure.Pdf;

/// <summary>
/// Beacon's PDF documents (panel minutes now; later reports): headings, labelled lines and wrapped paragraphs on A4
/// pages, drawn with SkiaSharp's PDF backend (MIT) in the DejaVu Sans font shipped with Beacon, so a server without
/// fonts installed still prints every character. Each page carries the protective marking and its number.
/// </summary>
public sealed class PdfReport
{
    private const float PageWidth = 595, PageHeight = 842, Margin = 56;
    private static readonly Lazy<SKTypeface> Regular = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> Bold = new(() => Load("DejaVuSans-Bold.ttf"));

    private readonly string _title;
    private readonly string _marking;
    private readonly List<(string Text, SKTypeface Face, float Size, float Before)> _blocks = [];

    public PdfReport(string title, string marking = "OFFICIAL-SENSITIVE")
    {
        _title = title;
        _marking = marking;
        _blocks.Add((title, Bold.Value, 18, 0));
    }

    public PdfReport Heading(string text) { _blocks.Add((text, Bold.Value, 13, 14)); return this; }
    public PdfReport Paragraph(string text) { _blocks.Add((text, Regular.Value, 10.5f, 4)); return this; }
    public PdfReport Line(string label, string value) { _blocks.Add(($"{label}: {value}", Regular.Value, 10.5f, 2)); return this; }

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
            using var footerFont = new SKFont(Regular.Value, 8);

            void NewPage()
            {
                if (canvas is not null) document.EndPage();
                canvas = document.BeginPage(PageWidth, PageHeight);
                page++;
                canvas.DrawText($"{_marking} · {_title} · page {page}", Margin, PageHeight - Margin / 2, SKTextAlign.Left, footerFont, ink);
                y = Margin;
            }

            NewPage();
            foreach (var (text, face, size, before) in _blocks)
            {
                using var font = new SKFont(face, size);
                var lineHeight = size * 1.35f;
                y += before;
                foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
                    foreach (var line in Wrap(paragraph, font, PageWidth - 2 * Margin))
                    {
                        if (y + lineHeight > PageHeight - Margin) NewPage();
                        y += lineHeight;
                        canvas!.DrawText(line, Margin, y, SKTextAlign.Left, font, ink);
                    }
            }
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

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

    private static SKTypeface Load(string file)
    {
        using var stream = typeof(PdfReport).Assembly.GetManifestResourceStream($"Beacon.Web.Infrastructure.Pdf.Fonts.{file}")
            ?? throw new InvalidOperationException($"The font {file} is not embedded in Beacon.Web");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The font {file} could not be read");
    }
}
