using Beacon.Core.Common;

namespace Beacon.Core.Notifications;

/// <summary>
/// Something an organisation must be told about a child, shown on the work list of everyone there who may see
/// the child until one of them marks it seen. Kept afterwards, with who saw it and when.
/// </summary>
public sealed class WorkNotification
{
    public const int MessageMaxLength = 500;

    private WorkNotification() { }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid ChildId { get; private set; }
    public string Message { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? SeenAtUtc { get; private set; }
    public string? SeenByUserId { get; private set; }

    public static WorkNotification To(Guid organisationId, Guid childId, string message, DateTime nowUtc) => new()
    {
        Id = Guid.NewGuid(),
        OrganisationId = organisationId,
        ChildId = childId,
        Message = Guard.Text(message, nameof(Message), "Say what the notification is about", MessageMaxLength),
        CreatedAtUtc = Guard.AsUtc(nowUtc),
    };

    public void MarkSeen(string userId, DateTime nowUtc)
    {
        if (SeenAtUtc is not null) return;
        SeenAtUtc = Guard.AsUtc(nowUtc);
        SeenByUserId = Guard.Required(userId, nameof(SeenByUserId), "Who saw it must be recorded");
    }
}
