namespace Supervise.Fuzz;

/// <summary>What one input did to a target.</summary>
public enum Verdict
{
    /// <summary>Accepted as valid: the input joins the pool that later mutants are made from.</summary>
    Accepted,

    /// <summary>Refused the way the target refuses bad input (a diagnostic, a parse fault).</summary>
    Refused,
}

/// <summary>
/// One parser under fuzz. <see cref="Run"/> returns how the input was handled and throws
/// <see cref="FuzzCrashException"/> (or anything else) for a crash: an exception the target must not let out, an
/// internal-error guard reached, an unbounded report.
/// </summary>
public interface IFuzzTarget
{
    string Name { get; }

    Verdict Run(byte[] input);
}

/// <summary>A target's input broke one of its promises without an exception of its own.</summary>
public sealed class FuzzCrashException(string message) : Exception(message);
