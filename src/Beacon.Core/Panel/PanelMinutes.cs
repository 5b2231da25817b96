using System.Security.Cryptography;
using Beacon.Core.Common;

namespace Beacon.Core.Panel;

/// <summary>A named person the minutes were issued to, and when they acknowledged reading them. Kept for good.</summary>
public sealed class MinutesRecipient
{
    private MinutesRecipient() { }

    internal MinutesRecipient(string userId) => UserId = userId;

    public string UserId { get; private set; } = "";
    public DateTime? AcknowledgedAtUtc { get; private set; }

    internal void Acknowledge(DateTime nowUtc) => AcknowledgedAtUtc ??= Guard.AsUtc(nowUtc);
}

/// <summary>
/// A meeting's minutes as issued: the PDF generated from the records and reviewed by the chair, kept with its
/// SHA-256, the named people it went to, and who has acknowledged it. Issued once; nothing about it is removed.
/// </summary>
public sealed class PanelMinutes
{
    private readonly List<MinutesRecipient> _recipients = [];

    private PanelMinutes() { }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public DateTime IssuedAtUtc { get; private set; }
    public string IssuedByUserId { get; private set; } = "";
    public string Sha256 { get; private set; } = "";
    public byte[] Pdf { get; private set; } = [];
    public IReadOnlyList<MinutesRecipient> Recipients => _recipients.AsReadOnly();

    public static PanelMinutes Issue(PanelMeeting meeting, byte[] pdf, IEnumerable<string> recipientUserIds, string chairUserId, DateTime nowUtc)
    {
        if (meeting.AttendanceTakenAtUtc is null) throw new DomainRuleViolation("Take the attendance before issuing the minutes.");
        if (meeting.Agenda.Any(i => i.Decisions is null))
            throw new DomainRuleViolation("Record the discussion and decisions for every child on the agenda before issuing the minutes.");
        var recipients = recipientUserIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct().ToList();
        if (recipients.Count == 0) throw new DomainRuleViolation("Choose who the minutes go to", nameof(Recipients));
        if (pdf.Length == 0) throw new DomainRuleViolation("The minutes document is empty.");
        var minutes = new PanelMinutes
        {
            Id = Guid.NewGuid(),
            MeetingId = meeting.Id,
            IssuedAtUtc = Guard.AsUtc(nowUtc),
            IssuedByUserId = Guard.Required(chairUserId, nameof(IssuedByUserId), "The chair must be recorded"),
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)),
            Pdf = pdf,
        };
        minutes._recipients.AddRange(recipients.Select(id => new MinutesRecipient(id)));
        meeting.Close(nowUtc);
        return minutes;
    }

    public bool IsRecipient(string userId) => _recipients.Any(r => r.UserId == userId);

    /// <summary>A recipient says they have read the minutes; the first time is the one kept.</summary>
    public void Acknowledge(string userId, DateTime nowUtc)
    {
        var recipient = _recipients.SingleOrDefault(r => r.UserId == userId)
            ?? throw new DomainRuleViolation("These minutes were not issued to you.");
        recipient.Acknowledge(nowUtc);
    }

    public bool IsIntact => Convert.ToHexStringLower(SHA256.HashData(Pdf)) == Sha256;
}
