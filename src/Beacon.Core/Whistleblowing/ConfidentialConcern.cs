using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Beacon.Core.Common;

namespace Beacon.Core.Whistleblowing;

public enum ConcernStatus
{
    [Display(Name = "Open")] Open = 1,
    [Display(Name = "Closed")] Closed = 2,
}

/// <summary>An account a concern names: kept out of it for good.</summary>
public sealed class ConcernNamedPerson : IConfidentialRecord
{
    private ConcernNamedPerson() { }
    internal ConcernNamedPerson(string userId) { Id = Guid.NewGuid(); UserId = userId; }
    public Guid Id { get; private set; }
    public string UserId { get; private set; } = "";
}

/// <summary>A message on a concern: from the person who raised it, or from the independent chair handling it.</summary>
public sealed class ConcernMessage : IConfidentialRecord
{
    public const int TextMaxLength = TextLimits.FreeText;

    private ConcernMessage() { }

    internal ConcernMessage(bool fromRaiser, string? handlerUserId, string text, DateTime atUtc)
    {
        Id = Guid.NewGuid();
        FromRaiser = fromRaiser;
        HandlerUserId = handlerUserId;
        Text = text;
        SentAtUtc = atUtc;
    }

    public Guid Id { get; private set; }
    public bool FromRaiser { get; private set; }
    /// <summary>Who answered for the board; null for the raiser's own messages (an anonymous raiser is never recorded).</summary>
    public string? HandlerUserId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTime SentAtUtc { get; private set; }
}

/// <summary>
/// A confidential concern about practice ("I was told not to record the ethnicity of the men"), raised by anyone,
/// signed in or not, optionally anonymously. It goes to the board's independent chair, never to the raiser's line
/// management. The raiser follows it up with a reference and a passphrase, without revealing who they are. A concern
/// cannot be seen, assigned or closed by anyone it names, and is closed only with an outcome written for the raiser.
/// Nothing about an anonymous raiser (account, address) is stored.
/// </summary>
public sealed class ConfidentialConcern : IVersioned, IConfidentialRecord
{
    public const int TextMaxLength = TextLimits.FreeText;
    public const int FailedAttemptsBeforeLock = 5;
    public static readonly TimeSpan LockFor = TimeSpan.FromMinutes(15);
    private const int HashIterations = 100_000;

    private readonly List<ConcernMessage> _messages = [];
    private readonly List<ConcernNamedPerson> _named = [];

    private ConfidentialConcern() { }

    public Guid Id { get; private set; }
    public int Version { get; set; }
    /// <summary>What the raiser quotes to follow the concern up, e.g. "CC-7KQ3-MX9P".</summary>
    public string Reference { get; private set; } = "";
    public string PassphraseHash { get; private set; } = "";
    public string PassphraseSalt { get; private set; } = "";
    public DateTime RaisedAtUtc { get; private set; }
    /// <summary>Set only when a signed-in raiser chose to give their name; null for every anonymous concern.</summary>
    public string? RaisedByUserId { get; private set; }
    public string What { get; private set; } = "";
    /// <summary>Who or what the concern is about, in the raiser's words.</summary>
    public string? About { get; private set; }
    public ConcernStatus Status { get; private set; }
    public string? AssignedToUserId { get; private set; }
    public string? Outcome { get; private set; }
    public string? ClosedByUserId { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    public int FailedAttempts { get; private set; }
    public DateTime? LockedUntilUtc { get; private set; }

    public IReadOnlyList<ConcernMessage> Messages => _messages.OrderBy(m => m.SentAtUtc).ToList();
    /// <summary>The accounts the concern names (recorded by the handler): none of them may see, assign or close it.</summary>
    public IReadOnlyList<string> NamedUserIds => _named.Select(n => n.UserId).ToList();
    public bool IsAnonymous => RaisedByUserId is null;

    /// <summary>Raises a concern; returns it with the passphrase, which is shown to the raiser once and kept only as a salted hash.</summary>
    public static (ConfidentialConcern Concern, string Passphrase) Raise(string? what, string? about, string? raisedByUserId, DateTime nowUtc)
    {
        var passphrase = NewPassphrase();
        var salt = RandomNumberGenerator.GetBytes(16);
        var concern = new ConfidentialConcern
        {
            Id = Guid.NewGuid(),
            Reference = NewReference(),
            PassphraseSalt = Convert.ToBase64String(salt),
            PassphraseHash = Hash(passphrase, salt),
            RaisedAtUtc = Guard.AsUtc(nowUtc),
            RaisedByUserId = string.IsNullOrWhiteSpace(raisedByUserId) ? null : raisedByUserId,
            What = Guard.Text(what, nameof(What), "Describe your concern: what happened, when, and who was involved", TextMaxLength),
            About = Guard.Optional(about, nameof(About), 500),
            Status = ConcernStatus.Open,
        };
        return (concern, passphrase);
    }

    /// <summary>
    /// Whether <paramref name="passphrase"/> opens this concern. Five wrong tries lock it for a quarter of an hour, so a
    /// reference cannot be guessed into; the raiser's right passphrase then works again.
    /// </summary>
    public bool Unlock(string? passphrase, DateTime nowUtc)
    {
        var now = Guard.AsUtc(nowUtc);
        // The hash is always worked out, locked or not, so the time taken tells a guesser nothing.
        var ok = CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(Hash(passphrase ?? "", Convert.FromBase64String(PassphraseSalt))), Convert.FromBase64String(PassphraseHash))
                 && !string.IsNullOrEmpty(passphrase);
        if (LockedUntilUtc is { } until && now < until) return false;
        if (ok) { FailedAttempts = 0; LockedUntilUtc = null; return true; }
        if (++FailedAttempts >= FailedAttemptsBeforeLock) { LockedUntilUtc = now + LockFor; FailedAttempts = 0; }
        return false;
    }

    public bool IsLocked(DateTime nowUtc) => LockedUntilUtc is { } until && Guard.AsUtc(nowUtc) < until;

    /// <summary>Someone named in the concern is kept out of it entirely.</summary>
    public bool Names(string userId) => _named.Any(n => n.UserId == userId);

    public void RecordNamed(IEnumerable<string> userIds, string handlerUserId)
    {
        RequireHandler(handlerUserId);
        // Recording oneself would lock the recorder out at once; a concern about the chair is recorded by the other chair.
        if (userIds.Contains(handlerUserId))
            throw new DomainRuleViolation("You cannot record yourself. If this concern is about you, ask the other independent chair to record it and take it on.", "NamedUserId");
        foreach (var id in userIds.Where(id => !string.IsNullOrWhiteSpace(id) && !Names(id)).Distinct()) _named.Add(new ConcernNamedPerson(id));
        // Anyone now named who was handling it is taken off it.
        if (AssignedToUserId is { } assigned && Names(assigned)) AssignedToUserId = null;
    }

    public void Assign(string? toUserId, string handlerUserId)
    {
        RequireHandler(handlerUserId);
        if (string.IsNullOrWhiteSpace(toUserId)) throw new DomainRuleViolation("Choose who handles the concern", nameof(AssignedToUserId));
        if (Names(toUserId)) throw new DomainRuleViolation("The concern names that person: it cannot go to them.", nameof(AssignedToUserId));
        AssignedToUserId = toUserId;
    }

    public void Answer(string? text, string handlerUserId, DateTime nowUtc)
    {
        RequireHandler(handlerUserId);
        RequireOpen();
        // Whoever first answers the raiser is handling it, unless someone was named to.
        AssignedToUserId ??= handlerUserId;
        _messages.Add(new ConcernMessage(false, handlerUserId, Guard.Text(text, nameof(ConcernMessage.Text), "Write your message to the person who raised the concern", ConcernMessage.TextMaxLength), Guard.AsUtc(nowUtc)));
    }

    /// <summary>The raiser's reply: never linked to an account.</summary>
    public void Reply(string? text, DateTime nowUtc)
    {
        RequireOpen();
        _messages.Add(new ConcernMessage(true, null, Guard.Text(text, nameof(ConcernMessage.Text), "Write your reply", ConcernMessage.TextMaxLength), Guard.AsUtc(nowUtc)));
    }

    /// <summary>Closed only with an outcome written for the raiser, by a handler it does not name.</summary>
    public void Close(string? outcome, string handlerUserId, DateTime nowUtc)
    {
        RequireHandler(handlerUserId);
        RequireOpen();
        Outcome = Guard.Text(outcome, nameof(Outcome), "Write the outcome for the person who raised the concern: what was found and what will change", TextMaxLength);
        ClosedByUserId = handlerUserId;
        ClosedAtUtc = Guard.AsUtc(nowUtc);
        Status = ConcernStatus.Closed;
    }

    private void RequireHandler(string handlerUserId)
    {
        if (string.IsNullOrWhiteSpace(handlerUserId)) throw new DomainRuleViolation("Who is handling the concern must be known.");
        if (Names(handlerUserId)) throw new DomainRuleViolation("This concern names you, so you cannot see or act on it.");
    }

    private void RequireOpen()
    {
        if (Status == ConcernStatus.Closed) throw new DomainRuleViolation("This concern has been closed.");
    }

    // Letters and digits that cannot be misread for one another (no 0/O, 1/I/L).
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private static string Random(int length) => new(RandomNumberGenerator.GetItems<char>(Alphabet, length));
    private static string NewReference() => $"CC-{Random(4)}-{Random(4)}";
    private static string NewPassphrase() => $"{Random(4)}-{Random(4)}-{Random(4)}-{Random(4)}";

    /// <summary>The same work as checking a passphrase, for a reference that matches no concern: so its absence cannot be timed.</summary>
    public static void CheckNothing(string? passphrase) => _ = Hash(passphrase ?? "", new byte[16]);

    /// <summary>As people type it: upper case, spaces and dashes ignored.</summary>
    public static string Normalise(string text) => new string(text.ToUpperInvariant().Where(char.IsLetterOrDigit).ToArray());
    public static string NormaliseReference(string? text)
    {
        var letters = Normalise(text ?? "");
        if (letters.StartsWith("CC")) letters = letters[2..];
        return letters.Length == 8 ? $"CC-{letters[..4]}-{letters[4..]}" : "";
    }

    private static string Hash(string passphrase, byte[] salt) =>
        Convert.ToBase64String(Rfc2898DeriveBytes.Pbkdf2(Normalise(passphrase), salt, HashIterations, HashAlgorithmName.SHA256, 32));
}
