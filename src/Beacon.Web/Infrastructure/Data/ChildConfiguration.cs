using Beacon.Core.Children;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Web.Infrastructure.Data;

internal sealed class ChildConfiguration : IEntityTypeConfiguration<Child>
{
    public void Configure(EntityTypeBuilder<Child> child)
    {
        child.HasKey(c => c.Id);
        child.Property(c => c.FirstName).HasMaxLength(Child.NameMaxLength);
        child.Property(c => c.LastName).HasMaxLength(Child.NameMaxLength);
        child.Property(c => c.School).HasMaxLength(Child.TextMaxLength);
        child.Property(c => c.Placement).HasMaxLength(Child.TextMaxLength);
        child.Property(c => c.KeyWorkerUserId).HasMaxLength(450);
        child.Property(c => c.CreatedByUserId).HasMaxLength(450);
        child.HasIndex(c => new { c.LastName, c.FirstName });
        child.Property(c => c.SortName).HasMaxLength(NameFolding.SortKeyMaxLength);
        // Lists of children in name order read this index in order.
        child.HasIndex(c => new { c.SortName, c.Id });
        child.HasIndex(c => c.DateOfBirth);
        child.HasOne<Beacon.Core.Organisations.Area>().WithMany().HasForeignKey(c => c.ResponsibleAreaId).OnDelete(DeleteBehavior.Restrict);
        child.HasOne<Beacon.Core.Organisations.Area>().WithMany().HasForeignKey(c => c.HostAreaId).OnDelete(DeleteBehavior.Restrict);
        child.HasIndex(c => c.ResponsibleAreaId);
        child.HasIndex(c => c.HostAreaId);
        // The children a person key-works (their overdue reassessments on My work).
        child.HasIndex(c => c.KeyWorkerUserId);
        child.Ignore(c => c.FullName);
        child.Ignore(c => c.CurrentAddress);
        child.Ignore(c => c.CurrentAliases);
        child.Ignore(c => c.CurrentInvolvements);

        child.HasMany(c => c.Aliases).WithOne().HasForeignKey(a => a.ChildId);
        child.HasMany(c => c.Addresses).WithOne().HasForeignKey(a => a.ChildId);
        child.HasMany(c => c.Involvements).WithOne().HasForeignKey(a => a.ChildId);
        child.HasMany(c => c.AccessGrants).WithOne().HasForeignKey(a => a.ChildId);
        child.Navigation(c => c.Aliases).HasField("_aliases");
        child.Navigation(c => c.Addresses).HasField("_addresses");
        child.Navigation(c => c.Involvements).HasField("_involvements");
        child.Navigation(c => c.AccessGrants).HasField("_accessGrants");
    }
}

internal sealed class ChildAliasConfiguration : IEntityTypeConfiguration<ChildAlias>
{
    public void Configure(EntityTypeBuilder<ChildAlias> alias)
    {
        alias.Property(a => a.Name).HasMaxLength(Child.NameMaxLength);
        alias.Property(a => a.WithdrawnReason).HasMaxLength(500);
        alias.HasIndex(a => a.Name);
    }
}

internal sealed class ChildAddressConfiguration : IEntityTypeConfiguration<ChildAddress>
{
    public void Configure(EntityTypeBuilder<ChildAddress> address)
    {
        address.Property(a => a.Line1).HasMaxLength(Child.TextMaxLength);
        address.Property(a => a.Town).HasMaxLength(Child.TextMaxLength);
        address.Property(a => a.Postcode).HasMaxLength(Core.Common.TextLimits.Postcode);
    }
}

internal sealed class ChildAccessGrantConfiguration : IEntityTypeConfiguration<ChildAccessGrant>
{
    public void Configure(EntityTypeBuilder<ChildAccessGrant> grant)
    {
        grant.Property(g => g.UserId).HasMaxLength(450);
        grant.Property(g => g.GrantedByUserId).HasMaxLength(450);
    }
}
