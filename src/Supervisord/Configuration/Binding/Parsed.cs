namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>A value parser's outcome: the value, or Supervisor's error text for the input.</summary>
internal readonly record struct Parsed<T>(T Value, string? Error)
{
    public bool Ok => Error is null;

    public static Parsed<T> Fail(string error) => new(default!, error);

    public static implicit operator Parsed<T>(T value) => new(value, null);
}
