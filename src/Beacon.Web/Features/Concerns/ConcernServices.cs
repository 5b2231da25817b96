using System.Threading.RateLimiting;
using Beacon.Core.Whistleblowing;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Web.Features.Concerns;

/// <summary>Confidential concerns: storage, and the rate limit that protects the open forms from abuse.</summary>
public static class ConcernServices
{
    /// <summary>The rate-limit policy on raising and following up concerns.</summary>
    public const string RateLimit = "confidential-concerns";

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var posts = configuration.GetValue("Beacon:Concerns:PostsPerTenMinutes", 30);
        services.AddRateLimiter(options =>
        {
            options.OnRejected = async (context, ct) =>
            {
                if (!context.HttpContext.Request.Path.StartsWithSegments("/Concerns")) return;
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("""
                    <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                    <title>Too many attempts – Beacon</title></head><body style="font-family: arial, sans-serif; margin: 2em; max-width: 40em">
                    <h1>Too many attempts</h1><p>Too many concerns or follow-ups have been sent from your network in the last ten minutes. Nothing you typed has been saved.</p>
                    <p>Wait ten minutes, then <a href="/Concerns/Follow">follow up your concern</a> or <a href="/Concerns/Raise">raise a concern</a> again.</p></body></html>
                    """, ct);
            };
            // Per network address, in memory only (never stored): ten posts in ten minutes is plenty for a person
            // and stops a script from flooding the chair or guessing passphrases.
            options.AddPolicy(RateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = posts, Window = TimeSpan.FromMinutes(10), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
        });
    }
}

internal sealed class ConfidentialConcernConfiguration : IEntityTypeConfiguration<ConfidentialConcern>
{
    public void Configure(EntityTypeBuilder<ConfidentialConcern> concern)
    {
        concern.ToTable("ConfidentialConcerns");
        concern.HasKey(c => c.Id);
        concern.Property(c => c.Id).ValueGeneratedNever();
        concern.Property(c => c.Reference).HasMaxLength(16);
        concern.HasIndex(c => c.Reference).IsUnique();
        concern.Property(c => c.PassphraseHash).HasMaxLength(64);
        concern.Property(c => c.PassphraseSalt).HasMaxLength(32);
        concern.Property(c => c.What).HasMaxLength(ConfidentialConcern.TextMaxLength);
        concern.Property(c => c.About).HasMaxLength(500);
        concern.Property(c => c.Outcome).HasMaxLength(ConfidentialConcern.TextMaxLength);
        foreach (var userId in new[] { nameof(ConfidentialConcern.RaisedByUserId), nameof(ConfidentialConcern.AssignedToUserId), nameof(ConfidentialConcern.ClosedByUserId) })
            concern.Property(userId).HasMaxLength(450);
        concern.Ignore(c => c.Messages);
        concern.Ignore(c => c.NamedUserIds);
        concern.Ignore(c => c.IsAnonymous);
        concern.HasIndex(c => new { c.Status, c.RaisedAtUtc });
        concern.OwnsMany<ConcernMessage>("_messages", message =>
        {
            message.ToTable("ConcernMessages");
            message.WithOwner().HasForeignKey("ConcernId");
            message.HasKey(m => m.Id);
            message.Property(m => m.Id).ValueGeneratedNever();
            message.Property(m => m.Text).HasMaxLength(ConcernMessage.TextMaxLength);
            message.Property(m => m.HandlerUserId).HasMaxLength(450);
        });
        concern.OwnsMany<ConcernNamedPerson>("_named", named =>
        {
            named.ToTable("ConcernNamedPeople");
            named.WithOwner().HasForeignKey("ConcernId");
            named.HasKey(n => n.Id);
            named.Property(n => n.Id).ValueGeneratedNever();
            named.Property(n => n.UserId).HasMaxLength(450);
            named.HasIndex(n => n.UserId);
        });
    }
}
