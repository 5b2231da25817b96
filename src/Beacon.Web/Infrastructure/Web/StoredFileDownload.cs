using Beacon.Core.Audit;
using Beacon.Core.Common;
using Beacon.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Mvc;

namespace Beacon.Web.Infrastructure.Web;

/// <summary>
/// The one way a stored file leaves Beacon: only if its bytes still match the SHA-256 taken on upload (otherwise 409,
/// logged and audited: someone or something changed it in storage), and every download audited.
/// </summary>
public sealed class StoredFileDownload(AuditTrail audit, ILogger<StoredFileDownload> logger)
{
    /// <param name="childId">The child whose record holds the file, so the download shows in that child's access history.</param>
    /// <param name="sent">What the download means beyond itself (e.g. a recipient's first opening), done only when it is sent.</param>
    public async Task<IActionResult> SendAsync(IStoredFile file, byte[] content, Guid? childId, string what, CancellationToken ct, Action? sent = null)
    {
        var type = file.GetType().Name;
        if (!CheckedFile.IsIntact(content, file.SizeBytes, file.Sha256))
        {
            logger.LogError("{Type} {FileId} no longer matches its SHA-256; it was not sent", type, file.Id);
            await audit.RecordAsync(AuditAction.Viewed, type, file.Id.ToString(), childId, $"Download refused: {what} no longer matches its SHA-256", ct);
            return new ContentResult
            {
                StatusCode = StatusCodes.Status409Conflict,
                Content = "This file no longer matches the one uploaded, so it has not been sent. The change has been logged; tell your Beacon administrator.",
                ContentType = "text/plain; charset=utf-8",
            };
        }
        sent?.Invoke();
        await audit.RecordAsync(AuditAction.Viewed, type, file.Id.ToString(), childId, $"Downloaded {what}", ct);
        return new FileContentResult(content, file.ContentType) { FileDownloadName = file.FileName };
    }
}
