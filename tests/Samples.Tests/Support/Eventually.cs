namespace Supervise.Samples.Tests.Support;

/// <summary>Waits on a condition with a timeout: the only way these specs wait (never a fixed sleep).</summary>
public static class Eventually
{
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out after {timeout.TotalSeconds:F0} s waiting for {what}");
            }

            await Task.Delay(20);
        }
    }
}
