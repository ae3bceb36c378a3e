namespace Supervise.Tests.Support;

/// <summary>Runs only as root (and with <paramref name="tools"/> installed); otherwise shows as skipped with the reason.</summary>
/// <param name="tools">Names looked up on PATH, or absolute paths.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RootTheoryAttribute : TheoryAttribute
{
    public RootTheoryAttribute(params string[] tools)
    {
        Skip = Requirements.Unmet(root: true, tools);
    }
}
