using Beacon.Core.Audit;
using Beacon.Core.Children;
using Beacon.Core.Common;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Infrastructure.Data;

/// <summary>
/// The one database context. Provider-specific subclasses (<see cref="SqliteBeaconDbContext"/>,
/// <see cref="PostgresBeaconDbContext"/>) exist only so each provider keeps its own migrations.
/// </summary>
public abstract class BeaconDbContext(DbContextOptions options) : IdentityDbContext<BeaconUser>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect sign-in cookies and antiforgery tokens, shared by every web instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Child> Children => Set<Child>();
    public DbSet<ChildAlias> ChildAliases => Set<ChildAlias>();
    public DbSet<ChildAddress> ChildAddresses => Set<ChildAddress>();
    public DbSet<OrganisationInvolvement> Involvements => Set<OrganisationInvolvement>();
    public DbSet<Beacon.Core.Organisations.Area> Areas => Set<Beacon.Core.Organisations.Area>();
    public DbSet<Beacon.Core.Organisations.Organisation> Organisations => Set<Beacon.Core.Organisations.Organisation>();
    public DbSet<Beacon.Core.Organisations.OrganisationArea> OrganisationAreas => Set<Beacon.Core.Organisations.OrganisationArea>();
    public DbSet<Beacon.Core.Notifications.WorkNotification> WorkNotifications => Set<Beacon.Core.Notifications.WorkNotification>();
    public DbSet<Email.OutboxEmail> OutboxEmails => Set<Email.OutboxEmail>();
    public DbSet<ChildAccessGrant> ChildAccessGrants => Set<ChildAccessGrant>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Beacon.Core.Referrals.Referral> Referrals => Set<Beacon.Core.Referrals.Referral>();
    public DbSet<Beacon.Core.Cases.Case> Cases => Set<Beacon.Core.Cases.Case>();
    public DbSet<Beacon.Core.RiskAssessment.RiskAssessment> RiskAssessments => Set<Beacon.Core.RiskAssessment.RiskAssessment>();
    public DbSet<Beacon.Core.RiskAssessment.TickedIndicator> RiskAssessmentIndicators => Set<Beacon.Core.RiskAssessment.TickedIndicator>();
    public DbSet<Beacon.Core.Missing.MissingEpisode> MissingEpisodes => Set<Beacon.Core.Missing.MissingEpisode>();

    /// <summary>Audit entries asked for explicitly (views, searches) that the next save appends to the chain.</summary>
    internal List<AuditDraft> PendingAudit { get; } = [];

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BeaconDbContext).Assembly);

        // Every editable record carries a version that a stale save cannot match.
        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();

        // The domain gives every record its id when it is made. EF must never treat a set Guid key as
        // "already saved", or a part added to a loaded record would be sent as an UPDATE matching nothing.
        foreach (var entity in builder.Model.GetEntityTypes().Where(t => t.ClrType.Assembly == typeof(Child).Assembly && !t.IsOwned()))
            foreach (var key in entity.FindPrimaryKey()?.Properties.Where(p => p.ClrType == typeof(Guid)) ?? [])
                builder.Entity(entity.ClrType).Property(key.Name).ValueGeneratedNever();
    }
}

public sealed class SqliteBeaconDbContext(DbContextOptions<SqliteBeaconDbContext> options) : BeaconDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite keeps no time zone: everything Beacon stores is UTC, so say so when reading back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        // SQLite cannot compare or sort DateTimeOffset text (an account's lockout end, for the "locked" filter); stored
        // as EF Core's order-preserving 64-bit form, it can.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresBeaconDbContext(DbContextOptions<PostgresBeaconDbContext> options) : BeaconDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Name words are searched by prefix as a range: byte order keeps the range exact and the index usable,
        // whatever the database's locale (SQLite's default collation already compares this way).
        builder.Entity<Features.Children.ChildNameToken>().Property(t => t.Token).UseCollation("C");
        // Folded sort keys compare by code, as on SQLite: the folding has already put accented names in their place.
        builder.Entity<Core.Children.Child>().Property(c => c.SortName).UseCollation("C");
    }
}

internal sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
