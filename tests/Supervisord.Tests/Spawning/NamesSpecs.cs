using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Tests.Spawning;

/// <summary>Signal and errno symbols as Supervisor prints them, and the fallback for numbers without one.</summary>
public sealed class NamesSpecs
{
    [Theory]
    [InlineData(2, "SIGINT")]
    [InlineData(10, "SIGUSR1")]
    [InlineData(12, "SIGUSR2")]
    [InlineData(17, "SIGCHLD")]
    [InlineData(0, "signal 0")]
    [InlineData(64, "signal 64")]
    [InlineData(-1, "signal -1")]
    public void Signals_are_named_like_pythons_signal_module(int signal, string name)
    {
        SignalNames.Name(signal).Should().Be(name);
    }

    [Theory]
    [InlineData(2, "ENOENT")]
    [InlineData(8, "ENOEXEC")]
    [InlineData(11, "EAGAIN")]
    [InlineData(13, "EACCES")]
    [InlineData(24, "EMFILE")]
    [InlineData(99, "errno 99")]
    public void Errnos_are_named_like_pythons_errorcode(int errno, string name)
    {
        ErrnoNames.Name(errno).Should().Be(name);
    }
}
