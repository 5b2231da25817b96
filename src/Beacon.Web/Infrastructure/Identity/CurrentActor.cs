using System.Security.Claims;
using Beacon.Core.Access;

namespace Beacon.Web.Infrastructure.Identity;

/// <summary>The person on whose behalf the current request (or CLI run) acts.</summary>
public interface ICurrentActor
{
    Actor Actor { get; }
}

public static class BeaconClaims
{
    /// <summary>The kind of the person's organisation.</summary>
    public const string Agency = "beacon:agency";
    public const string Organisation = "beacon:org";
    /// <summary>The organisation's name, for showing who is signed in.</summary>
    public const string OrganisationName = "beacon:orgname";
    /// <summary>The areas the person's organisation serves, comma-separated.</summary>
    public const string Areas = "beacon:areas";
    public const string DisplayName = "beacon:name";
    /// <summary>Present when the account has two-factor sign-in turned on.</summary>
    public const string TwoFactorEnabled = "beacon:2fa";

    public static Actor ToActor(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return SystemActor;
        var agency = Enum.TryParse<Agency>(user.FindFirstValue(Agency), out var a) ? a : default;
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        var organisation = Guid.TryParse(user.FindFirstValue(Organisation), out var o) ? o : Guid.Empty;
        var areas = (user.FindFirstValue(Areas) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => Guid.TryParse(a, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        return new Actor(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", user.FindFirstValue(DisplayName) ?? user.Identity.Name ?? "",
            agency, roles, organisation, areas);
    }

    /// <summary>Work done by Beacon itself (migrations, demo data, the CLI): audited under this name.</summary>
    public static readonly Actor SystemActor = new("system", "Beacon (system)", Core.Access.Agency.SafeguardingBoard, new HashSet<string>());
}

internal sealed class HttpCurrentActor(IHttpContextAccessor http) : ICurrentActor
{
    public Actor Actor => http.HttpContext?.User.ToActor() ?? BeaconClaims.SystemActor;
}
