using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Beacon.Web.Infrastructure.Web;

/// <summary>
/// A list as a CSV file (RFC 4180, by CsvHelper), written row by row as the database returns them, so a long list
/// is never held in memory. A cell that a spreadsheet would run as a formula (starting =, +, -, @, tab or carriage
/// return) is escaped, so a name typed as "=HYPERLINK(...)" stays text.
/// </summary>
public static class CsvDownload
{
    public sealed record Column<T>(string Header, Func<T, string?> Value);

    /// <summary>Writes the file as the response; the result returned renders nothing more after it.</summary>
    public static async Task<Microsoft.AspNetCore.Mvc.IActionResult> WriteAsync<T>(HttpResponse response, string fileName, IReadOnlyList<Column<T>> columns, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
        foreach (var column in columns) csv.WriteField(column.Header);
        await csv.NextRecordAsync();
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var column in columns) csv.WriteField(column.Value(row) ?? "");
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
        return new Microsoft.AspNetCore.Mvc.EmptyResult();
    }
}
