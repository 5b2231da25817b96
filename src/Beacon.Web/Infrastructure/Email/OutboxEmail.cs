namespace Beacon.Web.Infrastructure.Email;

/// <summary>
/// Every email Beacon sends, kept as it was sent. Without GOV.UK Notify configured this table is the only
/// delivery (an administrator reads it), so the demo works without a network.
/// </summary>
public sealed class OutboxEmail
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>"Outbox" when only kept here, "GOV.UK Notify" when handed to Notify, with its reference.</summary>
    public string DeliveredVia { get; set; } = "";
    public string? DeliveryReference { get; set; }
    public string? DeliveryError { get; set; }
}
