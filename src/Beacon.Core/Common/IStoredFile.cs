namespace Beacon.Core.Common;

/// <summary>A file Beacon keeps (see <see cref="CheckedFile"/>): what is needed to send it, and to prove it is unchanged.</summary>
public interface IStoredFile
{
    Guid Id { get; }
    string FileName { get; }
    string ContentType { get; }
    long SizeBytes { get; }
    string Sha256 { get; }
}
