using Supervise.Supervisord.Platform;

namespace Supervise.Supervisord.Tests.Platform;

public sealed class ErrnoSpecs
{
    [Theory]
    [InlineData(1, "EPERM")]
    [InlineData(2, "ENOENT")]
    [InlineData(3, "ESRCH")]
    [InlineData(11, "EAGAIN")]
    [InlineData(13, "EACCES")]
    [InlineData(40, "ELOOP")]
    public void An_errno_prints_with_its_symbol(int errno, string name) => Errno.Name(errno).Should().Be(name);

    [Theory]
    [InlineData(0)]
    [InlineData(99)]
    public void An_errno_without_a_symbol_here_prints_as_its_number(int errno) =>
        Errno.Name(errno).Should().Be($"errno {errno}");

    [PythonFact]
    public void Every_symbol_here_has_the_number_pythons_errno_module_gives_it()
    {
        var python = Python
            .Run("import errno\nfor n, k in sorted(errno.errorcode.items()): print(n, k)")
            .Select(line => line.Split(' '))
            .ToDictionary(f => int.Parse(f[0]), f => f[1]);

        var known = Enumerable
            .Range(1, 133)
            .Where(n => !Errno.Name(n).StartsWith("errno ", StringComparison.Ordinal))
            .ToList();
        known.Should().NotBeEmpty();
        known.Should().AllSatisfy(n => Errno.Name(n).Should().Be(python[n], $"errno {n}"));
    }
}
