using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Infrastructure.Identity;

/// <summary>
/// Failed sign-in attempts (wrong password, wrong or reused code, password-reset requests) counted per client
/// address over 15 minutes. Past the limit, that address may not try again until older attempts age out, so
/// nobody can guess at speed or lock out accounts at will from one place. Successful sign-ins do not count, so
/// an office behind one address is not locked out by its own morning.
/// </summary>
public sealed class SignInThrottle(IOptionsMonitor<SecurityOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new();

    public const string Message = "There have been too many failed attempts to sign in from your network. Wait 15 minutes and try again, or ask your Beacon administrator.";

    public bool IsBlocked(HttpContext context)
    {
        // Addresses with no recent failure are not kept: the table holds only those being counted.
        if (!_failures.TryGetValue(KeyOf(context), out var queue)) return false;
        lock (queue)
        {
            Prune(queue);
            if (queue.Count == 0) _failures.TryRemove(KeyOf(context), out _);
            return queue.Count >= options.CurrentValue.FailedSignInsPerQuarterHour;
        }
    }

    public void RecordFailure(HttpContext context)
    {
        var queue = _failures.GetOrAdd(KeyOf(context), _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            Prune(queue);
            queue.Enqueue(clock.GetUtcNow());
        }
    }

    private void Prune(Queue<DateTimeOffset> queue)
    {
        var since = clock.GetUtcNow() - Window;
        while (queue.Count > 0 && queue.Peek() < since) queue.Dequeue();
    }

    private static string KeyOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
