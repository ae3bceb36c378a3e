using Supervise.Naming;

namespace Supervise.Supervisord.Tests.Protocol.Naming;

/// <summary>Supervisor's make_namespec and split_namespec (supervisor/options.py).</summary>
public sealed class ProcessNameSpecs
{
    [Theory]
    [InlineData("web", "web", "web")]
    [InlineData("g", "web", "g:web")]
    public void A_process_is_named_by_its_group_unless_they_share_a_name(string group, string name, string expected)
    {
        ProcessName.Make(group, name).Should().Be(expected);
    }

    [Theory]
    [InlineData("name", "name", "name")]
    [InlineData("g:name", "g", "name")]
    [InlineData("g:*", "g", null)]
    [InlineData("g:", "g", null)]
    [InlineData("g:a:b", "g", "a:b")]
    public void Namespecs_split_as_supervisors(string namespec, string group, string? process)
    {
        ProcessName.Split(namespec).Should().Be((group, process));
    }

    [Theory]
    [InlineData("web", "web")]
    [InlineData("web:web", "web")]
    [InlineData("g:web", "g:web")]
    [InlineData("g:*", "g")]
    public void A_request_is_printed_as_the_namespec_it_splits_into(string request, string expected)
    {
        ProcessName.OfRequest(request).Should().Be(expected);
    }
}
