using System.Text;

namespace Beacon.Web.Infrastructure.Auditing;

/// <summary>
/// The checkpoint file: lines are only ever appended (FileMode.Append), each flushed to disk before the write
/// counts. Writers take the file for themselves while appending, so the app and an `audit checkpoint` run by cron
/// never interleave their lines; a reader or writer that finds it busy tries again for a few seconds.
/// </summary>
public static class AuditCheckpointFile
{
    private const int Attempts = 50;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    /// <summary>Appends one line (and a line break), creating the file and its folder if needed.</summary>
    public static async Task AppendLineAsync(string path, string line, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (line.Contains('\n') || line.Contains('\r')) throw new ArgumentException("A checkpoint is one line.", nameof(line));
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        await WhenFreeAsync(async () =>
        {
            await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 1, useAsync: true);
            await file.WriteAsync(bytes, ct);
            file.Flush(flushToDisk: true);
            return true;
        }, ct);
    }

    /// <summary>Every line of the file, or null when there is no file.</summary>
    public static Task<string[]?> ReadLinesAsync(string path, CancellationToken ct) => WhenFreeAsync<string[]?>(async () =>
    {
        if (!File.Exists(path)) return null;
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 4096, useAsync: true);
        using var reader = new StreamReader(file, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct);
        return text.Split('\n');
    }, ct);

    // A file another process holds is an IOException that is not "not found" or "no access": wait and retry.
    private static async Task<T> WhenFreeAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (IOException e) when (attempt < Attempts && e is not FileNotFoundException and not DirectoryNotFoundException)
            {
                await Task.Delay(Pause, ct);
            }
        }
    }
}
