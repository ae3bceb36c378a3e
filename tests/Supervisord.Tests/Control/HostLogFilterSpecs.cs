using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Supervise.Supervisord.Control;
using Supervise.Supervisord.Logging;
using Supervise.Supervisord.Wire;

namespace Supervise.Supervisord.Tests.Control;

/// <summary>The web host's lines about bad requests are short, throttled and trace-free; internal errors keep their trace.</summary>
public sealed class HostLogFilterSpecs : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("supervise-hostlog-").FullName;
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_thousand_malformed_messages_in_one_second_write_five_short_warn_lines_without_a_trace()
    {
        var (log, path) = Open();
        using (log)
        {
            var logger = new HostLogFilter(log, new LogThrottle(_time)).CreateLogger(
                "Grpc.AspNetCore.Server.ServerCallHandler"
            );
            for (var i = 0; i < 1000; i++)
            {
                logger.LogError(Thrown(new InvalidDataException("bad varint")), "Error reading message.");
            }
        }

        var lines = File.ReadAllLines(path);
        lines.Should().HaveCount(LogThrottle.PerSecond);
        lines
            .Should()
            .AllSatisfy(l =>
                l.Should().Contain(" WARN bad request: Error reading message.: InvalidDataException: bad varint")
            );
    }

    [Fact]
    public void The_lines_suppressed_are_counted_in_the_next_allowed_line()
    {
        var (log, path) = Open();
        using (log)
        {
            var logger = new HostLogFilter(log, new LogThrottle(_time)).CreateLogger(
                "Grpc.AspNetCore.Server.ServerCallHandler"
            );
            for (var i = 0; i < 8; i++)
            {
                logger.LogInformation("Request protocol of 'HTTP/1.1' is not supported.");
            }
            _time.Advance(TimeSpan.FromSeconds(1));
            logger.LogInformation("Request protocol of 'HTTP/1.1' is not supported.");
        }

        File.ReadAllLines(path).Last().Should().EndWith("(3 similar lines suppressed before)");
    }

    [Fact]
    public void An_internal_error_keeps_its_stack_trace()
    {
        var (log, path) = Open();
        using (log)
        {
            var logger = new HostLogFilter(log, new LogThrottle(_time)).CreateLogger(
                "Grpc.AspNetCore.Server.ServerCallHandler"
            );
            logger.LogError(
                Thrown(new NullReferenceException("a bug")),
                "Error when executing service method 'GetState'."
            );
        }

        File.ReadAllText(path)
            .Should()
            .Contain("ERRO Error when executing service method 'GetState'.: System.NullReferenceException: a bug")
            .And.Contain("   at ");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private (MainLog Log, string Path) Open()
    {
        var settings = TestConfigs.Daemon(_directory);
        return (new MainLog(settings, toStdout: false, _time), settings.Logfile);
    }

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }
}
