using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Supervise.Tests.Support;

/// <summary>
/// Waits until a condition holds, or fails naming it: the one way specs synchronize with threads and processes
/// (never a fixed sleep). The condition is polled every <see cref="Interval"/> up to a deadline.
/// </summary>
public static class Eventually
{
    /// <summary>Long enough for a loaded 2-core machine to start a process; a spec that needs more says so.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <param name="what">What should come true, for the failure message; the condition's source text when null.</param>
    public static Task UntilAsync(
        Func<bool> condition,
        string? what = null,
        TimeSpan? timeout = null,
        [CallerArgumentExpression(nameof(condition))] string expression = ""
    ) => UntilAsync(() => Task.FromResult(condition()), what, timeout, expression);

    /// <param name="what">What should come true, for the failure message; the condition's source text when null.</param>
    public static async Task UntilAsync(
        Func<Task<bool>> condition,
        string? what = null,
        TimeSpan? timeout = null,
        [CallerArgumentExpression(nameof(condition))] string expression = ""
    )
    {
        var limit = timeout ?? DefaultTimeout;
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            if (Stopwatch.GetElapsedTime(started) > limit)
            {
                throw new TimeoutException(Message(what, expression, limit));
            }
            await Task.Delay(Interval);
        }
    }

    internal static string Message(string? what, string expression, TimeSpan limit) =>
        $"timed out after {limit.TotalSeconds:0.###} s waiting until {what ?? expression}"
        + (what is null || expression.Length == 0 ? "" : $" ({expression})");
}
