using Beacon.Core.Children;
using Beacon.Core.Organisations;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Web.Infrastructure.Data;

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> area)
    {
        area.Property(a => a.Name).HasMaxLength(Area.NameMaxLength);
        area.HasIndex(a => a.Name).IsUnique();
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> organisation)
    {
        organisation.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength);
        organisation.HasIndex(o => o.Name).IsUnique();
        organisation.Ignore(o => o.AreaIds);
        organisation.HasMany(o => o.Areas).WithOne().HasForeignKey(a => a.OrganisationId);
        organisation.Navigation(o => o.Areas).HasField("_areas");
    }
}

internal sealed class OrganisationAreaConfiguration : IEntityTypeConfiguration<OrganisationArea>
{
    public void Configure(EntityTypeBuilder<OrganisationArea> served)
    {
        served.HasKey(a => new { a.OrganisationId, a.AreaId });
        served.HasOne<Area>().WithMany().HasForeignKey(a => a.AreaId).OnDelete(DeleteBehavior.Restrict);
        // "Who serves this area?" — the host authority and police of an out-of-area placement.
        served.HasIndex(a => a.AreaId);
    }
}

internal sealed class OrganisationInvolvementConfiguration : IEntityTypeConfiguration<OrganisationInvolvement>
{
    public void Configure(EntityTypeBuilder<OrganisationInvolvement> involvement)
    {
        involvement.ToTable("Involvements");
        involvement.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        // The need-to-know filter asks "is my organisation involved with this child?" for every child listed.
        // An organisation's current children read from the index alone (whether an involvement has ended is in it).
        involvement.HasIndex(i => new { i.OrganisationId, i.ChildId, i.EndedAtUtc });
    }
}

internal sealed class BeaconUserConfiguration : IEntityTypeConfiguration<BeaconUser>
{
    public void Configure(EntityTypeBuilder<BeaconUser> user)
    {
        user.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        user.HasIndex(u => u.OrganisationId);
    }
}

internal sealed class WorkNotificationConfiguration : IEntityTypeConfiguration<Beacon.Core.Notifications.WorkNotification>
{
    public void Configure(EntityTypeBuilder<Beacon.Core.Notifications.WorkNotification> notification)
    {
        notification.Property(n => n.Message).HasMaxLength(Beacon.Core.Notifications.WorkNotification.MessageMaxLength);
        notification.Property(n => n.SeenByUserId).HasMaxLength(450);
        notification.HasOne<Organisation>().WithMany().HasForeignKey(n => n.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        notification.HasOne<Child>().WithMany().HasForeignKey(n => n.ChildId).OnDelete(DeleteBehavior.Restrict);
        // A work list asks for its organisation's unseen notifications.
        notification.HasIndex(n => new { n.OrganisationId, n.SeenAtUtc });
    }
}

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<Email.OutboxEmail>
{
    public void Configure(EntityTypeBuilder<Email.OutboxEmail> email)
    {
        email.Property(e => e.To).HasMaxLength(256);
        email.Property(e => e.Subject).HasMaxLength(200);
        email.Property(e => e.DeliveredVia).HasMaxLength(32);
        email.Property(e => e.DeliveryReference).HasMaxLength(100);
        email.Property(e => e.DeliveryError).HasMaxLength(500);
        email.HasIndex(e => e.CreatedAtUtc);
    }
}
