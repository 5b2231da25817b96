using Beacon.Core.Access;
using Beacon.Core.Common;
using Beacon.Core.Whistleblowing;

namespace Beacon.Core.Tests.Whistleblowing;

public sealed class ConfidentialConcernTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_concern_needs_words_gets_a_reference_and_keeps_only_a_hash_of_its_passphrase()
    {
        Assert.Equal("What", Assert.Throws<DomainRuleViolation>(() => ConfidentialConcern.Raise(" ", null, null, Now)).Field);
        var (concern, passphrase) = ConfidentialConcern.Raise("Told not to record ethnicity", null, null, Now);
        Assert.Matches("^CC-[A-Z2-9]{4}-[A-Z2-9]{4}$", concern.Reference);
        Assert.True(concern.IsAnonymous);
        Assert.DoesNotContain(ConfidentialConcern.Normalise(passphrase), concern.PassphraseHash);
        // Typed loosely (lower case, spaces for dashes) it still opens.
        Assert.True(concern.Unlock(passphrase.ToLowerInvariant().Replace('-', ' '), Now));
        Assert.Equal(concern.Reference, ConfidentialConcern.NormaliseReference(concern.Reference.ToLowerInvariant().Replace("-", " ")));
    }

    [Fact]
    public void Five_wrong_passphrases_lock_the_concern_for_a_quarter_of_an_hour()
    {
        var (concern, passphrase) = ConfidentialConcern.Raise("Something", null, null, Now);
        for (var i = 0; i < ConfidentialConcern.FailedAttemptsBeforeLock; i++) Assert.False(concern.Unlock("WRONG-WRONG-WRONG-WRONG", Now));
        Assert.True(concern.IsLocked(Now));
        Assert.False(concern.Unlock(passphrase, Now.AddMinutes(14)));
        Assert.True(concern.Unlock(passphrase, Now.AddMinutes(16)));
    }

    [Fact]
    public void Nobody_it_names_may_handle_assign_or_close_it_and_closing_needs_an_outcome()
    {
        var (concern, _) = ConfidentialConcern.Raise("The chair's team was told to reduce cases", "The chair", null, Now);
        concern.Assign("chair", "vice");
        concern.RecordNamed(["chair"], "vice");
        Assert.Null(concern.AssignedToUserId); // taken off it once named
        Assert.Throws<DomainRuleViolation>(() => concern.Assign("chair", "vice"));
        Assert.Throws<DomainRuleViolation>(() => concern.Answer("Hello", "chair", Now));
        Assert.Throws<DomainRuleViolation>(() => concern.Close("Done", "chair", Now));
        var chair = new Actor("chair", "Chair", Agency.SafeguardingBoard, new HashSet<string> { BeaconRoles.IndependentChair });
        var vice = new Actor("vice", "Vice", Agency.SafeguardingBoard, new HashSet<string> { BeaconRoles.IndependentChair });
        Assert.False(ConcernAccess.MayHandle(chair, concern));
        Assert.True(ConcernAccess.MayHandle(vice, concern));
        Assert.False(ConcernAccess.Handles(new Actor("m", "M", Agency.SafeguardingBoard, new HashSet<string> { BeaconRoles.BoardMember })));

        concern.Answer("When was the meeting?", "vice", Now);
        concern.Reply("Last Tuesday", Now.AddHours(1));
        Assert.Equal([false, true], concern.Messages.Select(m => m.FromRaiser));
        Assert.Null(concern.Messages[1].HandlerUserId);
        Assert.Equal("Outcome", Assert.Throws<DomainRuleViolation>(() => concern.Close(" ", "vice", Now)).Field);
        concern.Close("The instruction was withdrawn and all staff were told to record ethnicity.", "vice", Now.AddDays(3));
        Assert.Equal(ConcernStatus.Closed, concern.Status);
        Assert.Throws<DomainRuleViolation>(() => concern.Reply("One more thing", Now.AddDays(4)));
    }
}
