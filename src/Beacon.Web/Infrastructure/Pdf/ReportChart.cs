using ScottPlot;
using Microsoft.Extensions.Caching.Memory;
using SkiaSharp;

namespace Beacon.Web.Infrastructure.Pdf;

/// <summary>One named line of figures, a value per label.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>
/// Figures over time as a line chart, drawn by ScottPlot (MIT): as SVG on a page, beside the table that carries the
/// same figures for screen readers, and onto a PDF page's canvas in <see cref="PdfReport"/>. Each series has its own
/// colour from the GOV.UK palette and its own marker shape, so the lines are told apart without colour.
/// </summary>
public sealed class ReportChart(string title, IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series)
{
    private static readonly (string Colour, MarkerShape Marker, LinePattern Line)[] Styles =
    [
        ("#1d70b8", MarkerShape.FilledCircle, LinePattern.Solid),
        ("#00703c", MarkerShape.FilledSquare, LinePattern.Dashed),
        ("#f47738", MarkerShape.FilledTriangleUp, LinePattern.Dotted),
        ("#d4351c", MarkerShape.FilledDiamond, LinePattern.Solid),
        ("#4c2c92", MarkerShape.OpenCircle, LinePattern.Dashed),
    ];

    public string Title => title;

    private bool _bars;

    /// <summary>One series as vertical bars (counts of different things, not a trend): the labels under the bars.</summary>
    public static ReportChart Bars(string title, IReadOnlyList<string> labels, ChartSeries values) => new(title, labels, [values]) { _bars = true };

    /// <summary>
    /// The chart as an SVG element to put inside a page: no XML declaration, and a viewBox so it scales down to a
    /// phone's width. Its only text is the chart's own: title, series names and labels.
    /// </summary>
    public string ToSvg(int width, int height) =>
        // Drawn once for the same figures: drawing takes ScottPlot 15 ms (text measured and laid out), several times what
        // counting the figures takes, and a board's figures change only when a meeting's records do.
        Drawn.GetOrCreate(Key(width, height), entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            using var plot = Plot();
            var svg = plot.GetSvgXml(width, height);
            var start = svg.IndexOf("<svg", StringComparison.Ordinal);
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {width} {height}\" focusable=\"false\" aria-hidden=\"true\"{svg[(start + 4)..]}");
        })!;

    /// <summary>Charts drawn lately, by everything drawn from: a few hundred at most, whatever the number of areas and reports.</summary>
    private static readonly MemoryCache Drawn = new(new MemoryCacheOptions { SizeLimit = 256 });

    /// <summary>Everything the drawing depends on, so two charts with one key are the same picture.</summary>
    private string Key(int width, int height) => System.Text.Json.JsonSerializer.Serialize(new { title, labels, series, bars = _bars, width, height });

    /// <summary>Draws the chart into <paramref name="area"/> of a PDF page.</summary>
    public void Draw(SKCanvas canvas, SKRect area)
    {
        using var plot = Plot();
        canvas.Save();
        canvas.Translate(area.Left, area.Top);
        plot.Render(canvas, (int)area.Width, (int)area.Height);
        canvas.Restore();
    }

    private Plot Plot()
    {
        ReportFonts.UseForCharts();
        var plot = new Plot();
        plot.Title(title, size: 14);
        var xs = Enumerable.Range(0, labels.Count).Select(i => (double)i).ToArray();
        if (_bars)
        {
            var bars = plot.Add.Bars(xs, series[0].Values.ToArray());
            bars.Color = Color.FromHex(Styles[0].Colour);
            foreach (var bar in bars.Bars) bar.Label = bar.Value.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
            bars.ValueLabelStyle.FontSize = 11;
        }
        for (var s = 0; s < (_bars ? 0 : series.Count); s++)
        {
            var style = Styles[s % Styles.Length];
            var line = plot.Add.Scatter(xs, series[s].Values.ToArray());
            line.LegendText = series[s].Name;
            line.Color = Color.FromHex(style.Colour);
            line.MarkerShape = style.Marker;
            line.MarkerSize = 7;
            line.LinePattern = style.Line;
            line.LineWidth = 2;
        }
        plot.Axes.Bottom.SetTicks(xs, labels.ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = labels.Count > 6 ? -40 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = labels.Count > 6 ? Alignment.MiddleRight : Alignment.UpperCenter;
        var top = Math.Max(1, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        plot.Axes.SetLimitsY(0, top * 1.1);
        // Counts are whole numbers: ticks at whole steps only.
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        if (!_bars) plot.ShowLegend(Edge.Right);
        return plot;
    }
}
