using Supervise.Supervisord.Configuration.Binding;
using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Tests.Configuration;

/// <summary>Accepted and refused inputs of every value type; expectations produced by supervisor/datatypes.py.</summary>
public sealed class ValueParserSpecs
{
    [Theory]
    [InlineData("yes", true)]
    [InlineData("TRUE", true)]
    [InlineData("On", true)]
    [InlineData("1", true)]
    [InlineData("no", false)]
    [InlineData("False", false)]
    [InlineData("off", false)]
    [InlineData("0", false)]
    public void Boolean_accepts_supervisors_words_in_any_case(string text, bool expected) =>
        ValueParsers.Boolean(text).Value.Should().Be(expected);

    [Fact]
    public void Boolean_refuses_other_words() =>
        ValueParsers.Boolean("maybe").Error.Should().Be("not a valid boolean value: 'maybe'");

    [Theory]
    [InlineData("1_000", 1000)]
    [InlineData(" -5 ", -5)]
    [InlineData("+7", 7)]
    public void Integer_accepts_what_python_int_accepts(string text, int expected) =>
        ValueParsers.Integer(text).Value.Should().Be(expected);

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData("1__0")]
    public void Integer_refuses_with_pythons_text(string text) =>
        ValueParsers.Integer(text).Error.Should().Be($"invalid literal for int() with base 10: '{text}'");

    [Theory]
    [InlineData("50 MB", 52428800L)]
    [InlineData("50MB", 52428800L)]
    [InlineData("2gb", 2147483648L)]
    [InlineData("1KB", 1024L)]
    [InlineData(" 7 ", 7L)]
    [InlineData("0", 0L)]
    public void Byte_size_accepts_1024_based_suffixes(string text, long expected) =>
        ValueParsers.ByteSize(text).Value.Should().Be(expected);

    [Theory]
    [InlineData("1.5MB", "'1.5'")]
    [InlineData("10XB", "'10xb'")]
    [InlineData("1K", "'1k'")]
    [InlineData("KB", "''")]
    public void Byte_size_refuses_with_the_lowered_literal(string text, string literal) =>
        ValueParsers.ByteSize(text).Error.Should().Be($"invalid literal for int() with base 10: {literal}");

    [Theory]
    [InlineData("022", 18)]
    [InlineData("22", 18)]
    [InlineData("0o22", 18)]
    [InlineData(" 22", 18)]
    [InlineData("0700", 448)]
    public void Octal_accepts_python_base_8(string text, int expected) =>
        ValueParsers.Octal(text).Value.Should().Be(expected);

    [Fact]
    public void Octal_refuses_digits_above_seven() =>
        ValueParsers.Octal("999").Error.Should().Be("999 can not be converted to an octal type");

    [Theory]
    [InlineData("TERM", 15)]
    [InlineData("sigterm", 15)]
    [InlineData("hup", 1)]
    [InlineData("15", 15)]
    [InlineData("KILL", 9)]
    [InlineData("RTMIN", 34)]
    [InlineData("_DFL", 0)]
    public void Signal_accepts_names_and_numbers(string text, int expected) =>
        Signals.Parse(text).Value.Should().Be(expected);

    [Theory]
    [InlineData("FOO", "value 'FOO' is not a valid signal name")]
    [InlineData("99", "value '99' is not a valid signal number")]
    [InlineData("32", "value '32' is not a valid signal number")]
    public void Signal_refuses_unknown_names_and_numbers(string text, string message) =>
        Signals.Parse(text).Error.Should().Be(message);

    [Theory]
    [InlineData("0", new[] { 0 })]
    [InlineData("0, 2", new[] { 0, 2 })]
    [InlineData("", new int[0])]
    [InlineData("255", new[] { 255 })]
    public void Exit_codes_accept_comma_lists_from_0_to_255(string text, int[] expected) =>
        ValueParsers.ExitCodes(null, text).Value.Should().Equal(expected);

    [Theory]
    [InlineData("0,256")]
    [InlineData("-1")]
    [InlineData("a")]
    public void Exit_codes_refuse_out_of_range_or_junk(string text) =>
        ValueParsers.ExitCodes(null, text).Error.Should().Be($"not a valid list of exit codes: '{text}'");

    [Theory]
    [InlineData("true", AutoRestart.True)]
    [InlineData("Yes", AutoRestart.True)]
    [InlineData("false", AutoRestart.False)]
    [InlineData("unexpected", AutoRestart.Unexpected)]
    [InlineData("UNEXPECTED", AutoRestart.Unexpected)]
    public void Autorestart_accepts_booleans_and_unexpected(string text, AutoRestart expected) =>
        ValueParsers.AutoRestart(text).Value.Should().Be(expected);

    [Fact]
    public void Autorestart_refuses_with_the_lowered_value() =>
        ValueParsers.AutoRestart("Sometimes").Error.Should().Be("invalid 'autorestart' value 'sometimes'");

    [Theory]
    [InlineData("critical", SupervisorLogLevel.Critical)]
    [InlineData("error", SupervisorLogLevel.Error)]
    [InlineData("WARN", SupervisorLogLevel.Warn)]
    [InlineData("info", SupervisorLogLevel.Info)]
    [InlineData("debug", SupervisorLogLevel.Debug)]
    [InlineData("trace", SupervisorLogLevel.Trace)]
    [InlineData("blather", SupervisorLogLevel.Blather)]
    public void Log_level_accepts_supervisors_names(string text, SupervisorLogLevel expected) =>
        ValueParsers.LoggingLevel(text).Value.Should().Be(expected);

    [Fact]
    public void Log_level_refuses_warning_spelled_out() =>
        ValueParsers.LoggingLevel("warning").Error.Should().Be("bad logging level name 'warning'");

    [Theory]
    [InlineData("a b", "' '")]
    [InlineData("a:b", "':'")]
    [InlineData("a/b", "'/'")]
    public void Names_refuse_space_colon_and_slash(string text, string character) =>
        ValueParsers.Name(text).Error.Should().Be($"Invalid name: '{text}' because of character: {character}");

    [Fact]
    public void Names_are_stripped() => ValueParsers.Name(" ok ").Value.Should().Be("ok");

    [Theory]
    [InlineData("9001", "", 9001)]
    [InlineData("*:9001", "", 9001)]
    [InlineData(":9001", "", 9001)]
    [InlineData("Host:80", "host", 80)]
    public void Inet_address_accepts_port_and_host_port(string text, string host, int port) =>
        ServerBinder.InetAddress(text).Value.Should().Be((host, port));

    [Theory]
    [InlineData("99999", "not a valid port number: '99999' ")]
    [InlineData("abc", "not a valid port number: 'abc' ")]
    [InlineData("h:99999", "99999 is above upper bound (65535)")]
    [InlineData("h:0", "0 is below lower bound (1)")]
    [InlineData("h:", "no port number specified in ''")]
    [InlineData("h:abc", "invalid literal for int() with base 10: 'abc'")]
    public void Inet_address_refuses_with_supervisors_texts(string text, string message) =>
        ServerBinder.InetAddress(text).Error.Should().Be(message);

    [Fact]
    public void User_database_resolves_root_and_refuses_unknown_names()
    {
        UserDatabase.Uid("root").Value.Should().Be(0);
        UserDatabase.Uid("0").Value.Should().Be(0);
        UserDatabase.Uid("nosuchuserzz").Error.Should().Be("Invalid user name nosuchuserzz");
        UserDatabase.Uid("987654").Error.Should().Be("Invalid user id 987654");
    }
}
