using System.Globalization;
using Beacon.Core.Common;
using Beacon.Core.ScaleEstimation.Linkage;

namespace Beacon.Core.ScaleEstimation;

/// <summary>
/// A list of children an agency not on Beacon holds (a youth project, a sexual health service), imported from its CSV
/// file for estimating the true scale. Kept as imported: never edited or deleted.
/// </summary>
public sealed class ImportedList
{
    public const int NameMaxLength = 120;
    public const int MaxEntries = 200_000;

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string HeldBy { get; private set; } = "";
    public DateOnly CoversFrom { get; private set; }
    public DateOnly CoversTo { get; private set; }
    public string FileName { get; private set; } = "";
    public string Sha256 { get; private set; } = "";
    public int Entries { get; private set; }
    /// <summary>The organisation of the analyst who imported it: its analysts may use it.</summary>
    public Guid OrganisationId { get; private set; }
    public string ImportedByUserId { get; private set; } = "";
    public DateTime ImportedAtUtc { get; private set; }

    private ImportedList() { }

    /// <param name="id">Chosen before the rows are read, so each entry is read against its list.</param>
    /// <summary>Text a spreadsheet would run when the list's table or CSV is opened (formula injection).</summary>
    public static bool StartsLikeFormula(string value) => value.TrimStart() is { Length: > 0 } t && t[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    public static ImportedList Import(Guid id, string? name, string? heldBy, DateOnly? coversFrom, DateOnly? coversTo, string fileName, string sha256, int entries,
        Guid organisationId, string userId, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleViolation("Enter the list's name", nameof(Name));
        if (name.Trim().Length > NameMaxLength) throw new DomainRuleViolation($"The list's name must be {NameMaxLength} characters or fewer", nameof(Name));
        if (StartsLikeFormula(name)) throw new DomainRuleViolation($"The list's name cannot start with \"{name.Trim()[0]}\", which a spreadsheet would run as a formula", nameof(Name));
        if (string.IsNullOrWhiteSpace(heldBy)) throw new DomainRuleViolation("Enter the agency that holds the list", nameof(HeldBy));
        if (StartsLikeFormula(heldBy)) throw new DomainRuleViolation($"The agency's name cannot start with \"{heldBy.Trim()[0]}\", which a spreadsheet would run as a formula", nameof(HeldBy));
        if (heldBy.Trim().Length > NameMaxLength) throw new DomainRuleViolation($"The agency's name must be {NameMaxLength} characters or fewer", nameof(HeldBy));
        if (coversFrom is null) throw new DomainRuleViolation("Enter the first day the list covers", nameof(CoversFrom));
        if (coversTo is null) throw new DomainRuleViolation("Enter the last day the list covers", nameof(CoversTo));
        if (coversTo < coversFrom) throw new DomainRuleViolation("The last day the list covers must be on or after the first", nameof(CoversTo));
        if (coversTo > DateOnly.FromDateTime(nowUtc)) throw new DomainRuleViolation("The last day the list covers cannot be in the future", nameof(CoversTo));
        if (entries == 0) throw new DomainRuleViolation("The file has no children in it: a list needs at least one row", "Upload");
        return new ImportedList
        {
            Id = id, Name = name.Trim(), HeldBy = heldBy.Trim(), CoversFrom = coversFrom.Value, CoversTo = coversTo.Value,
            FileName = Path.GetFileName(fileName), Sha256 = sha256, Entries = entries, OrganisationId = organisationId, ImportedByUserId = userId, ImportedAtUtc = nowUtc,
        };
    }
}

/// <summary>One child on an imported list, as the agency recorded them (checked, not corrected).</summary>
public sealed class ImportedListEntry
{
    public const int FieldMaxLength = 100;
    public const int AliasesMaxLength = 300;

    public Guid Id { get; private set; }
    public Guid ImportedListId { get; private set; }
    public int Line { get; private set; }
    public string AgencyRecordId { get; private set; } = "";
    public string? GivenName { get; private set; }
    public string? Surname { get; private set; }
    public string? Aliases { get; private set; }
    public DateOnly? DateOfBirth { get; private set; }
    public string? Sex { get; private set; }
    public string? Postcode { get; private set; }
    public string? NhsNumber { get; private set; }

    private ImportedListEntry() { }

    public ListedPerson AsListed() => new(GivenName, Surname, AliasList(Aliases), DateOfBirth, Sex, Postcode, NhsNumber);

    public static IReadOnlyList<string> AliasList(string? aliases) =>
        aliases?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>The row's values checked; the problems say which field and why, for the line-by-line report.</summary>
    public static (ImportedListEntry? Entry, IReadOnlyList<string> Problems) Read(Guid listId, int line, string? agencyRecordId, string? givenName, string? surname,
        string? aliases, string? dateOfBirth, string? sex, string? postcode, string? nhsNumber, DateOnly today)
    {
        var problems = new List<string>();
        string? Clean(string? value, string what, int max)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            value = value.Trim();
            if (value.Length > max) problems.Add($"{what} is longer than {max} characters");
            else if (value.Split(';').Any(ImportedList.StartsLikeFormula)) problems.Add($"{what} starts with \"{value.Split(';').First(ImportedList.StartsLikeFormula).Trim()[0]}\", which a spreadsheet would run as a formula");
            return value;
        }
        var id = Clean(agencyRecordId, "the agency's id", FieldMaxLength);
        if (id is null) problems.Add("the agency's id is missing");
        var given = Clean(givenName, "the given name", FieldMaxLength);
        var family = Clean(surname, "the surname", FieldMaxLength);
        if (given is null && family is null) problems.Add("there is no name");
        var alias = Clean(aliases, "the aliases", AliasesMaxLength);
        DateOnly? born = null;
        if (!string.IsNullOrWhiteSpace(dateOfBirth))
        {
            if (DateOnly.TryParseExact(dateOfBirth.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                if (parsed > today) problems.Add($"the date of birth {dateOfBirth.Trim()} is in the future");
                else if (parsed < today.AddYears(-30)) problems.Add($"the date of birth {dateOfBirth.Trim()} is more than 30 years ago");
                else born = parsed;
            }
            else problems.Add($"the date of birth \"{dateOfBirth.Trim()}\" is not a date (use 2009-04-27 or 27/04/2009)");
        }
        var sexValue = Clean(sex, "sex", 20);
        if (sexValue is not null && sexValue.ToUpperInvariant() is not ("M" or "F" or "MALE" or "FEMALE" or "U" or "UNKNOWN" or "OTHER"))
            problems.Add($"sex \"{sexValue}\" must be M, F, U or left blank");
        var code = Clean(postcode, "the postcode", 10);
        if (code is { Length: <= 10 } && PersonLinkage.NormalisePostcode(code) is null) problems.Add($"the postcode \"{code}\" is not a UK postcode");
        var nhs = Clean(nhsNumber, "the NHS number", 14);
        if (nhs is { Length: <= 14 } && !PersonLinkage.IsValidNhsNumber(nhs)) problems.Add($"the NHS number \"{nhs}\" fails its check digit (or is not 10 digits)");
        if (problems.Count > 0) return (null, problems);
        return (new ImportedListEntry
        {
            Id = Guid.NewGuid(), ImportedListId = listId, Line = line, AgencyRecordId = id!, GivenName = given, Surname = family, Aliases = alias,
            DateOfBirth = born, Sex = sexValue, Postcode = code, NhsNumber = nhs,
        }, problems);
    }
}
