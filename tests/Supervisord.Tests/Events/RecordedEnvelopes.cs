using System.Runtime.CompilerServices;
using System.Text;
using Supervise.Supervisord.Events;

namespace Supervise.Supervisord.Tests.Events;

/// <summary>
/// Envelopes recorded from Debian's supervisord 4.2.5 (Fixtures/recorder: a raw-bytes listener subscribed to EVENT),
/// each with the typed record and serial our daemon would publish for the same moment.
/// </summary>
public static class RecordedEnvelopes
{
    public const string Identifier = "rec";
    public const string Pool = "rec";

    public static readonly IReadOnlyDictionary<string, (long Serial, SupervisorEvent Event)> All = new Dictionary<
        string,
        (long, SupervisorEvent)
    >
    {
        ["PROCESS_GROUP_ADDED"] = (0, new ProcessGroupAdded("rec")),
        ["SUPERVISOR_STATE_CHANGE_RUNNING"] = (4, new SupervisorStateChanged(SupervisorPhase.Running)),
        ["PROCESS_STATE_STARTING"] = (8, State("talker", "STOPPED", "STARTING", tries: 0)),
        ["PROCESS_STATE_STARTING-from-backoff"] = (17, State("flaky", "BACKOFF", "STARTING", tries: 1)),
        ["PROCESS_STATE_RUNNING"] = (9, State("crash", "STARTING", "RUNNING", pid: 23630)),
        ["PROCESS_STATE_EXITED"] = (10, State("crash", "RUNNING", "EXITED", pid: 23630)),
        ["PROCESS_STATE_BACKOFF"] = (19, State("flaky", "STARTING", "BACKOFF", tries: 2)),
        ["PROCESS_STATE_FATAL"] = (20, State("flaky", "BACKOFF", "FATAL")),
        ["PROCESS_STATE_STOPPING"] = (22, State("talker", "RUNNING", "STOPPING", pid: 23632)),
        ["PROCESS_STATE_STOPPED"] = (23, State("talker", "STOPPING", "STOPPED", pid: 23632)),
        ["PROCESS_LOG_STDOUT"] = (
            12,
            new ProcessLog(
                OutputChannel.Stdout,
                "talker",
                "talker",
                23632,
                Encoding.UTF8.GetBytes("héllo wörld €😀\nbefore")
            )
        ),
        ["PROCESS_LOG_STDERR-undecodable"] = (
            15,
            new ProcessLog(OutputChannel.Stderr, "talker", "talker", 23632, (byte[])[.. "bad "u8, 0x88, (byte)'\n'])
        ),
        ["PROCESS_COMMUNICATION_STDOUT"] = (
            14,
            new ProcessCommunication(
                OutputChannel.Stdout,
                "talker",
                "talker",
                23632,
                Encoding.UTF8.GetBytes("captüred\n")
            )
        ),
        ["TICK_5"] = (21, new Tick(5, 1796156870)),
        ["PROCESS_GROUP_REMOVED"] = (24, new ProcessGroupRemoved("crash")),
        ["REMOTE_COMMUNICATION"] = (21, new RemoteCommunication("greeting", "grüße € 😀\nline2")),
        ["REMOTE_COMMUNICATION-empty"] = (22, new RemoteCommunication("empty", "")),
        ["SUPERVISOR_STATE_CHANGE_STOPPING"] = (23, new SupervisorStateChanged(SupervisorPhase.Stopping)),
    };

    public static TheoryData<string> Names() => [.. All.Keys];

    public static byte[] Bytes(string name, [CallerFilePath] string source = "") =>
        File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(source)!, "Fixtures", name + ".envelope"));

    private static ProcessStateChanged State(string name, string from, string to, int pid = 0, int tries = 0) =>
        new(name, name, from, to, pid, tries, Expected: false);
}
