using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>
/// Supervisor's path types. Values keep Python's checks and messages; the results are made absolute (against the
/// current directory at load time, which is what Supervisor resolves them against) so that the engine never sees a
/// relative path.
/// </summary>
internal sealed class PathValues(string? home)
{
    /// <summary>os.path.expanduser for "~" and "~/..." (HOME), and "~user/..." (passwd).</summary>
    public string ExpandUser(string path)
    {
        if (!path.StartsWith('~'))
        {
            return path;
        }
        var slash = path.IndexOf('/');
        var user = slash < 0 ? path[1..] : path[1..slash];
        var rest = slash < 0 ? "" : path[slash..];
        var dir = user.Length == 0 ? home ?? UserDatabase.HomeOf(Environment.UserName) : UserDatabase.HomeOf(user);
        return dir is null ? path : dir.TrimEnd('/') + rest;
    }

    /// <summary>What Supervisor's messages say of an empty path; callers refuse it where Supervisor would fail later.</summary>
    public const string EmptyPath = "is empty; name a path, or leave the option out for its default";

    /// <summary>
    /// normalize_path: expanduser, absolute, normalized. An empty path is the current directory, as with Python's
    /// <c>os.path.abspath('')</c>. (A NUL never gets here: <see cref="Sources.NulGuard"/> refuses it at the source.)
    /// </summary>
    public string Normalize(string path)
    {
        var expanded = ExpandUser(path);
        return expanded.Length == 0 ? Directory.GetCurrentDirectory() : Path.GetFullPath(expanded);
    }

    public Parsed<string> ExistingDirectory(string text)
    {
        var expanded = ExpandUser(text);
        return Directory.Exists(expanded)
            ? Path.GetFullPath(expanded)
            : Parsed<string>.Fail($"{Echo.Text(text)} is not an existing directory");
    }

    /// <summary>A file path whose folder must exist (a bare file name is relative to the current directory).</summary>
    public Parsed<string> ExistingDirPath(string text)
    {
        if (text.Length == 0)
        {
            // Supervisor takes '' and then fails at start: the logfile crashes it, the pidfile is a CRIT and no pidfile.
            return Parsed<string>.Fail(EmptyPath);
        }
        var expanded = ExpandUser(text);
        if (TooLong(expanded) is { } tooLong)
        {
            return Parsed<string>.Fail(tooLong);
        }
        var dir = Path.GetDirectoryName(expanded);
        if (string.IsNullOrEmpty(dir) && !expanded.StartsWith('/'))
        {
            return Path.GetFullPath(expanded);
        }
        return Directory.Exists(string.IsNullOrEmpty(dir) ? "/" : dir)
            ? Path.GetFullPath(expanded)
            : Parsed<string>.Fail($"The directory named as part of the path {Echo.Text(text)} does not exist");
    }

    /// <summary>
    /// A file to be created must fit Linux's NAME_MAX (255 bytes a component) and PATH_MAX (4096 with the NUL): past
    /// them open(2) fails with ENAMETOOLONG, which Supervisor meets only at start ("File name too long").
    /// </summary>
    private static string? TooLong(string path)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(path);
        if (bytes > 4095)
        {
            return $"File name too long: {Echo.Repr(path)} is {bytes} bytes, and a path can have at most 4095 (PATH_MAX)";
        }
        var component = path.Split('/').MaxBy(System.Text.Encoding.UTF8.GetByteCount) ?? "";
        var componentBytes = System.Text.Encoding.UTF8.GetByteCount(component);
        return componentBytes > 255
            ? $"File name too long: {Echo.Repr(component)} is {componentBytes} bytes, and a file name can have at most 255 (NAME_MAX)"
            : null;
    }

    /// <summary>NONE/OFF, AUTO, syslog or a path (logfile_name).</summary>
    public Parsed<(LogTarget Target, string? Path)> LogfileName(string text)
    {
        switch (text.ToLowerInvariant())
        {
            case "none" or "off":
                return (LogTarget.None, null);
            case "auto":
                return (LogTarget.Auto, null);
            case "syslog":
                return (LogTarget.Syslog, null);
        }
        if (text.Length == 0)
        {
            // Supervisor's logfile_name('') is '', which its dispatchers take as no log at all: NONE.
            return (LogTarget.None, null);
        }
        var path = ExistingDirPath(text);
        return path.Ok ? (LogTarget.File, path.Value) : Parsed<(LogTarget, string?)>.Fail(path.Error!);
    }
}
