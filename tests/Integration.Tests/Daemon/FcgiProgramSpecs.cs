using Supervise.Integration.Tests.Infrastructure;

namespace Supervise.Integration.Tests.Daemon;

public sealed class FcgiProgramSpecs
{
    [Fact]
    public async Task Every_process_of_an_fcgi_program_gets_the_listening_socket_as_stdin()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [fcgi-program:php]
                command=/bin/bash -c 'readlink /proc/self/fd/0 > {W}/fd0-%(process_num)d.txt;exec sleep 600'
                socket=unix://{W}/php.sock
                socket_mode=0770
                process_name=%(program_name)s_%(process_num)d
                numprocs=2
                startsecs=0
                """
            )
            .StartAsync();

        await daemon.WaitForStateAsync("php:php_1", "RUNNING");
        var socket = Path.Combine(daemon.Directory, "php.sock");
        await Eventually.UntilAsync(
            () => File.Exists(Path.Combine(daemon.Directory, "fd0-1.txt")),
            "the child described its stdin"
        );

        var first = daemon.ReadFile("fd0-0.txt").Trim();
        first.Should().StartWith("socket:[");
        daemon.ReadFile("fd0-1.txt").Trim().Should().Be(first, "both processes share one listening socket");
        File.GetUnixFileMode(socket).Should().Be((UnixFileMode)0b111_111_000);
    }
}
