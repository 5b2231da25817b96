using ScottPlot;
using SkiaSharp;

namespace Beacon.Web.Infrastructure.Pdf;

/// <summary>
/// The one font of Beacon's documents and charts: DejaVu Sans, shipped inside Beacon so a server without fonts
/// installed still prints every character. Charts find it through ScottPlot's font resolvers.
/// </summary>
public static class ReportFonts
{
    public const string Family = "DejaVu Sans";
    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("DejaVuSans-Bold.ttf"));
    private static readonly Lazy<bool> Registered = new(() =>
    {
        Fonts.FontResolvers.Insert(0, new EmbeddedResolver());
        Fonts.Default = Family;
        return true;
    });

    public static SKTypeface Regular => RegularFace.Value;
    public static SKTypeface Bold => BoldFace.Value;

    /// <summary>Makes charts draw in <see cref="Family"/>; safe to call any number of times.</summary>
    public static void UseForCharts() => _ = Registered.Value;

    private static SKTypeface Load(string file)
    {
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream($"Beacon.Web.Infrastructure.Pdf.Fonts.{file}")
            ?? throw new InvalidOperationException($"The font {file} is not embedded in Beacon.Web");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The font {file} could not be read");
    }

    private sealed class EmbeddedResolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Family ? Load(bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf") : null;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);
    }
}
