using Supervise.Supervisord.Configuration;

namespace Supervise.Supervisord.Tests.Configuration;

public sealed class ConfigDiagnosticSpecs
{
    [Fact]
    public void Diagnostic_prints_file_line_section_option_and_message()
    {
        var diagnostic = new ConfigDiagnostic(
            "/etc/supervisord.conf",
            12,
            "program:web",
            "startsecs",
            "must be >= 0, got -1"
        );

        diagnostic.ToString().Should().Be("/etc/supervisord.conf:12 [program:web] startsecs: must be >= 0, got -1");
    }

    [Fact]
    public void Diagnostic_without_a_line_or_option_names_the_file_and_section()
    {
        var diagnostic = new ConfigDiagnostic("/x/c.conf", 0, "supervisord", "", "section is missing");

        diagnostic.ToString().Should().Be("/x/c.conf [supervisord]: section is missing");
    }
}
