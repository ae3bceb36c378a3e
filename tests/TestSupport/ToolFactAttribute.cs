namespace Supervise.Tests.Support;

/// <summary>Runs only when every one of <paramref name="tools"/> is installed; otherwise shows as skipped with the reason.</summary>
/// <param name="tools">Names looked up on PATH, or absolute paths.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] tools)
    {
        Skip = Requirements.Unmet(root: false, tools);
    }
}
