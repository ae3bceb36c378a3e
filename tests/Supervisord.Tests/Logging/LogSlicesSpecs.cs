using System.Text;
using Supervise.Supervisord.Logging;

namespace Supervise.Supervisord.Tests.Logging;

/// <summary>Supervisor's readFile semantics, with its verified examples (reference §4.5).</summary>
public sealed class LogSlicesSpecs : IDisposable
{
    private readonly string _path = Path.GetTempFileName();

    public LogSlicesSpecs() => File.WriteAllText(_path, "0123456789");

    [Theory]
    [InlineData(-3, 0, "789")]
    [InlineData(2, 3, "234")]
    [InlineData(20, 0, "")]
    [InlineData(0, 0, "0123456789")]
    [InlineData(-100, 0, "0123456789")]
    public void Slices_match_supervisors_readFile(long offset, long length, string expected) =>
        Encoding.ASCII.GetString(LogSlices.Read(_path, offset, length)!).Should().Be(expected);

    [Theory]
    [InlineData(-10, 5)]
    [InlineData(0, -1)]
    public void Invalid_combinations_are_bad_arguments(long offset, long length) =>
        LogSlices.Read(_path, offset, length).Should().BeNull();

    public void Dispose() => File.Delete(_path);
}
