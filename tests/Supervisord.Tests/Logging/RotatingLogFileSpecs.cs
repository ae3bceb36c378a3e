using Supervise.Supervisord.Logging;

namespace Supervise.Supervisord.Tests.Logging;

public sealed class RotatingLogFileSpecs : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("supervise-log-").FullName;

    private string PathOf(string name) => Path.Combine(_directory, name);

    [Fact]
    public void Rotation_happens_exactly_at_maxbytes_with_supervisors_backup_names()
    {
        var path = PathOf("x.log");
        using (var log = new RotatingLogFile(path, maxBytes: 100, backups: 2))
        {
            log.Write(Enumerable.Repeat((byte)'a', 250).ToArray());
        }

        new FileInfo(path + ".2").Length.Should().Be(100);
        new FileInfo(path + ".1").Length.Should().Be(100);
        new FileInfo(path).Length.Should().Be(50);
        File.Exists(path + ".3").Should().BeFalse();
    }

    [Fact]
    public void The_oldest_backup_is_dropped_when_backups_are_full()
    {
        var path = PathOf("y.log");
        using (var log = new RotatingLogFile(path, maxBytes: 10, backups: 2))
        {
            for (var i = 0; i < 4; i++)
            {
                log.Write(Enumerable.Repeat((byte)('0' + i), 10).ToArray());
            }
        }

        File.ReadAllText(path + ".1").Should().Be("3333333333");
        File.ReadAllText(path + ".2").Should().Be("2222222222");
        File.Exists(path + ".3").Should().BeFalse();
    }

    [Fact]
    public void Zero_backups_truncates_instead_of_keeping_old_files()
    {
        var path = PathOf("z.log");
        using (var log = new RotatingLogFile(path, maxBytes: 10, backups: 0))
        {
            log.Write("0123456789abc"u8);
        }

        File.ReadAllText(path).Should().Be("abc");
        File.Exists(path + ".1").Should().BeFalse();
    }

    [Fact]
    public void Maxbytes_zero_never_rotates_and_binary_bytes_pass_through_untouched()
    {
        var path = PathOf("bin.log");
        var data = Enumerable.Range(0, 256 * 40).Select(i => (byte)i).ToArray();
        using (var log = new RotatingLogFile(path, maxBytes: 0, backups: 3))
        {
            log.Write(data);
        }

        File.ReadAllBytes(path).Should().Equal(data);
    }

    [Fact]
    public void An_existing_file_is_appended_to_and_counts_toward_maxbytes()
    {
        var path = PathOf("append.log");
        File.WriteAllText(path, "12345");
        using (var log = new RotatingLogFile(path, maxBytes: 8, backups: 1))
        {
            log.Write("6789"u8);
        }

        File.ReadAllText(path + ".1").Should().Be("12345678");
        File.ReadAllText(path).Should().Be("9");
    }

    [Fact]
    public void A_file_in_a_missing_directory_holds_bytes_without_throwing()
    {
        using var log = new RotatingLogFile(PathOf("missing/dir/x.log"), 0, 0);

        log.Write("held"u8);

        log.DroppedBytes.Should().Be(0);
        log.HeldByteCount.Should().Be(4);
        log.OpenFailed.Should().BeTrue();
        log.LastErrno.Should().Be("ENOENT");
        log.LastError.Should().NotBeNull();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
