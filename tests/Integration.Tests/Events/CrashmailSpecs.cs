using Supervise.Integration.Tests.Clients;
using Supervise.Integration.Tests.Infrastructure;
using Supervise.Tests.Support;

namespace Supervise.Integration.Tests.Events;

/// <summary>
/// superlance 2.0.0's crashmail (events=PROCESS_STATE_EXITED) in the venv over Debian's supervisor package: on an
/// unexpected exit it pipes a mail to its <c>-s</c> command; here a script that keeps the mail in a file.
/// </summary>
public sealed class CrashmailSpecs
{
    [ClientFact(Client.Superlance)]
    public async Task A_program_that_exits_unexpectedly_produces_a_mail_naming_it()
    {
        var daemon = Infrastructure.Daemon.WithConfig(
            $$"""
            [program:fragile]
            command={CHILD} sleep:4000 exit:3
            startsecs=1
            autorestart=false
            autostart=false

            [eventlistener:crashmail]
            command={{ClientTools.Superlance}}/crashmail -a -m ops@example.com -s {W}/sendmail
            events=PROCESS_STATE_EXITED
            stderr_logfile={W}/crashmail.err
            """
        );
        await using var _ = daemon;
        var sendmail = Path.Combine(daemon.Directory, "sendmail");
        File.WriteAllText(sendmail, $"#!/bin/sh\ncat >> {daemon.Directory}/mail.txt\n");
        File.SetUnixFileMode(sendmail, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await daemon.StartAsync();
        await daemon.WaitForStateAsync("crashmail", "RUNNING");
        (await daemon.CtlAsync("start", "fragile")).Output.Trim().Should().Be("fragile: started");

        await daemon.WaitForStateAsync("fragile", "EXITED");

        await Eventually.UntilAsync(
            () => ClientTools.ReadIfAny(daemon, "mail.txt").Contains("exited unexpectedly", StringComparison.Ordinal),
            "crashmail sent a mail",
            TimeSpan.FromSeconds(20)
        );
        var mail = ClientTools.ReadIfAny(daemon, "mail.txt");
        var spawned = MainLog
            .Read(daemon)
            .Single(l => l.Message.StartsWith("spawned: 'fragile' with pid ", StringComparison.Ordinal))
            .Message;
        var pid = spawned["spawned: 'fragile' with pid ".Length..];
        mail.Should()
            .StartWith("To: ops@example.com\nSubject:  fragile crashed at ")
            .And.EndWith($"\n\nProcess fragile in group fragile exited unexpectedly (pid {pid}) from state RUNNING");
    }
}
