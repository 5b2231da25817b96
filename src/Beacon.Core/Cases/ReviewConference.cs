namespace Beacon.Core.Cases;

/// <summary>A review child protection conference, with the date it was due when it was held.</summary>
public sealed class ReviewConference
{
    private ReviewConference() { }

    internal ReviewConference(int number, DateOnly heldOn, DateOnly dueOn, string recordedByUserId, ReviewOutcome? outcome = null)
    {
        Outcome = outcome;
        Id = Guid.NewGuid();
        Number = number;
        HeldOn = heldOn;
        DueOn = dueOn;
        RecordedByUserId = recordedByUserId;
    }

    public Guid Id { get; private set; }
    /// <summary>1 for the first review; its timescale (3 months) differs from later ones (6 months).</summary>
    public int Number { get; private set; }
    public DateOnly HeldOn { get; private set; }
    // Kept as it stood at the time so a later rule change never rewrites whether it was late.
    public DateOnly DueOn { get; private set; }
    public string RecordedByUserId { get; private set; } = "";
    /// <summary>What the review decided; null for reviews recorded before outcomes were kept.</summary>
    public ReviewOutcome? Outcome { get; private set; }
}
