namespace Supervise.Faults;

/// <summary>
/// A fault spec. Quick ones run in <c>./build.sh test</c>; <paramref name="full"/> ones (slow: a soak, a flood) only in
/// <c>./build.sh faults</c>, which sets SUPERVISE_FAULTS=full; elsewhere they show as skipped with that reason. A spec
/// that needs root (a tmpfs mount) or a tool shows as skipped without it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class FaultFactAttribute : FactAttribute
{
    public const string FullVariable = "SUPERVISE_FAULTS";

    public FaultFactAttribute(bool full = false, bool root = false, params string[] tools)
    {
        Skip =
            full && Environment.GetEnvironmentVariable(FullVariable) != "full"
                ? "a full fault spec: runs in ./build.sh faults"
                : Requirements.Unmet(root, tools);
    }
}
