using Beacon.Core.Access;
using Beacon.Web.Infrastructure.Data;

namespace Beacon.Web.Tests.Infrastructure;

/// <summary>The demo's areas and organisations (their ids are fixed by name), for tests that need real ones.</summary>
public static class DemoWorld
{
    public static readonly Guid Northgate = DemoData.IdOf(DemoData.Northgate);
    public static readonly Guid Southvale = DemoData.IdOf(DemoData.Southvale);

    public static Guid Organisation(string name) => DemoData.IdOf(name);

    /// <summary>The demo organisation of each kind that the original demo logins work for.</summary>
    public static (Guid Id, Guid[] Areas) OrganisationOf(Agency kind) => kind switch
    {
        Agency.ChildrensSocialCare => (Organisation(DemoData.Org.NorthgateSocialCare), [Northgate]),
        Agency.Police => (Organisation(DemoData.Org.Police), [Northgate, Southvale]),
        Agency.YouthOutreach => (Organisation(DemoData.Org.YouthProject), [Northgate]),
        Agency.Health => (Organisation(DemoData.Org.HealthTrust), [Northgate, Southvale]),
        Agency.Education => (Organisation(DemoData.Org.NorthgateAcademy), [Northgate]),
        _ => (Organisation(DemoData.Org.Board), [Northgate, Southvale]),
    };

    public static Actor ActorOf(string userId, string name, Agency kind, IEnumerable<string> roles)
    {
        var (organisation, areas) = OrganisationOf(kind);
        return new Actor(userId, name, kind, roles.ToHashSet(), organisation, areas);
    }
}
