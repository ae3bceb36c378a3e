using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Tests.Configuration;

public sealed class GroupSpecs
{
    [Fact]
    public void A_group_section_takes_its_programs_out_of_their_own_groups()
    {
        using var temp = new TempConfig();
        var groups = temp.LoadWithHead(
            "[program:a]\ncommand=x\n[program:b]\ncommand=x\n[program:c]\ncommand=x\n[group:g]\nprograms=a, b\npriority=5\n"
        ).Config!.Groups;

        groups
            .Select(g => (g.Name, g.Priority, g.Kind))
            .Should()
            .Equal(("g", 5, GroupKind.Group), ("c", 999, GroupKind.Program));
        groups[0].Processes.Select(p => p.Name).Should().Equal("a", "b");
    }

    [Fact]
    public void Group_name_is_available_to_member_programs()
    {
        using var temp = new TempConfig();
        var process = temp.LoadWithHead("[program:a]\ncommand=echo %(group_name)s\n[group:g]\nprograms=a\n")
            .Config!.Groups[0]
            .Processes[0];

        process.Command.Should().Be("echo g");
    }

    [Fact]
    public void A_program_in_two_groups_runs_in_both()
    {
        using var temp = new TempConfig();
        var groups = temp.LoadWithHead(
            "[program:a]\ncommand=x\n[group:g1]\nprograms=a\n[group:g2]\nprograms=a\n"
        ).Config!.Groups;

        groups.Select(g => g.Name).Should().Equal("g1", "g2");
    }

    [Fact]
    public void An_ambiguous_group_member_is_refused()
    {
        using var temp = new TempConfig();
        var result = temp.LoadWithHead(
            "[program:a]\ncommand=x\n[fcgi-program:a]\ncommand=x\nsocket=tcp://localhost:9000\n[group:g]\nprograms=a\n"
        );

        result
            .Errors.Should()
            .ContainSingle()
            .Which.Message.Should()
            .Be("[group:g] name a is ambiguous (exists as program and fcgi-program)");
    }

    [Fact]
    public void Event_listener_pools_are_read_with_their_options()
    {
        using var temp = new TempConfig();
        var group = temp.LoadWithHead(
            "[eventlistener:ev]\ncommand=x\nevents=tick_5, PROCESS_STATE\nbuffer_size=3\n"
        ).Config!.Groups[0];

        group.Kind.Should().Be(GroupKind.EventListener);
        group.Priority.Should().Be(-1);
        group.EventListener!.Events.Should().Equal("TICK_5", "PROCESS_STATE");
        group.EventListener.BufferSize.Should().Be(3);
        group.EventListener.ResultHandler.Should().Be("supervisor.dispatchers:default_handler");
    }

    [Theory]
    [InlineData("", "events", "[eventlistener:e] section requires an \"events\" line")]
    [InlineData("events=FOO", "events", "Unknown event type FOO in [eventlistener:e] events")]
    [InlineData(
        "events=TICK_5\nbuffer_size=0",
        "buffer_size",
        "[eventlistener:e] section sets invalid buffer_size (0)"
    )]
    [InlineData(
        "events=TICK_5\nredirect_stderr=true",
        "redirect_stderr",
        "[eventlistener:e] section sets redirect_stderr=true but this is not allowed because it will interfere with the eventlistener protocol"
    )]
    [InlineData(
        "events=TICK_5\nresult_handler=no.such:thing",
        "result_handler",
        "no.such:thing cannot be resolved within [eventlistener:e]"
    )]
    [InlineData(
        "events=TICK_5\nresult_handler=supervisor.dispatchers:json_rpc_handler",
        "result_handler",
        "supervisor.dispatchers:json_rpc_handler cannot be resolved within [eventlistener:e]"
    )]
    public void Event_listener_errors_match_supervisor(string lines, string option, string message)
    {
        using var temp = new TempConfig();
        var error = temp.LoadWithHead($"[eventlistener:e]\ncommand=x\n{lines}\n")
            .Errors.Should()
            .ContainSingle()
            .Subject;

        (error.Option, error.Message).Should().Be((option, message));
    }

    [Fact]
    public void Fcgi_programs_carry_their_socket()
    {
        using var temp = new TempConfig();
        var group = temp.LoadWithHead(
            "[fcgi-program:f]\ncommand=x\nsocket=unix://%(here)s/%(program_name)s.sock\nsocket_mode=0666\n"
        ).Config!.Groups[0];

        group.Kind.Should().Be(GroupKind.FcgiProgram);
        group.FcgiSocket.Should().Be(new FcgiSocketSettings($"unix://{temp.Dir}/f.sock", 4096, null, 438));
    }

    [Theory]
    [InlineData(
        "socket=unix://relative.sock",
        "('Unix socket path %s is not an absolute path', 'relative.sock') in [fcgi-program:f] socket"
    )]
    [InlineData("socket=udp://x", "('Bad socket format %s', 'udp://x') in [fcgi-program:f] socket")]
    [InlineData(
        "socket=tcp://h:80\nsocket_mode=0700",
        "socket_owner and socket_mode params should only be used with a Unix domain socket in [fcgi-program:f] socket"
    )]
    [InlineData("", "[fcgi-program:f] section requires a \"socket\" line")]
    [InlineData("socket=tcp://h:80\nsocket_backlog=0", "Invalid socket_backlog value 0")]
    public void Fcgi_socket_errors_keep_supervisors_texts(string lines, string message)
    {
        using var temp = new TempConfig();
        temp.LoadWithHead($"[fcgi-program:f]\ncommand=x\n{lines}\n")
            .Errors.Should()
            .ContainSingle()
            .Which.Message.Should()
            .Be(message);
    }

    [Fact]
    public void Rpc_interfaces_are_recorded_and_foreign_factories_warned_about()
    {
        using var temp = new TempConfig();
        var result = temp.LoadWithHead(
            "[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n[rpcinterface:twiddler]\nsupervisor.rpcinterface_factory = supervisor_twiddler.rpcinterface:make_twiddler_rpcinterface\n"
        );

        result.Config!.RpcInterfaces.Select(i => i.Name).Should().Equal("supervisor", "twiddler");
        result.Warnings.Should().ContainSingle(w => w.Section == "rpcinterface:twiddler");
    }
}
