namespace Supervise.Integration.Tests.Wire;

/// <summary>
/// Our replies, byte for byte, against the 107 replies recorded from Supervisor 4.2.5 (Fixtures/4.2.5): the recorder
/// runs the same sequence against our supervisord once, then each recorded case compares the status line, the body
/// after normalisation (<see cref="RecordedReply"/>), Content-Length (present and right, as its value varies with
/// pids and paths), and the headers clients read: Content-Type, WWW-Authenticate, Connection, Transfer-Encoding.
/// Every deliberate difference is in <see cref="Differences"/>, with its reason and what we send instead; anything
/// else must match.
/// </summary>
public sealed class RecordedRepliesSpecs(OurRecording recording) : IClassFixture<OurRecording>
{
    /// <summary>U+FFFD as UTF-8, in the Latin-1 view of bodies.</summary>
    private static readonly string Fffd = RecordedReply.Bytes.GetString("\uFFFD"u8);

    /// <summary>The ansi program's 29 bytes of stdout as our XML-RPC layer sends them: ESC and the invalid bytes become U+FFFD.</summary>
    private static readonly string AnsiOutput = $"{Fffd}[31mred{Fffd}[0m\n{Fffd}{Fffd}\n{Fffd}[31mred{Fffd}[0m\n";

    /// <summary>What applies to every reply.</summary>
    private static readonly KnownDifference Everywhere = new(
        "No `Server: Medusa/1.12` header: no client reads it, and we are not Medusa.",
        (theirs, ours) => theirs with { Server = null }
    );

    /// <summary>
    /// The deliberate differences, per recorded case: the reason, and how Supervisor's reply becomes ours (the second
    /// argument, our reply, is used only where the text varies by itself and is asserted on first).
    /// </summary>
    private static readonly Dictionary<string, KnownDifference> Differences = new(StringComparer.Ordinal)
    {
        ["http.no_content_length"] = new(
            "Supervisor answers a chunked POST with 411 Length Required; Kestrel decodes chunked bodies, so we answer the call.",
            (_, _) => OurRecording.Supervisors("supervisor.getState") with { Server = null }
        ),
        ["http.HTTP10"] = new(
            "Kestrel answers an HTTP/1.0 request with an HTTP/1.1 status line (RFC 9110 §6.2 allows it) and says Connection: close; both close after the reply.",
            (theirs, _) => theirs with { Server = null, StatusLine = "HTTP/1.1 200 OK", Connection = "close" }
        ),
        ["http.HTTP10_all_strings"] = new(
            "As http.HTTP10.",
            (theirs, _) => theirs with { Server = null, StatusLine = "HTTP/1.1 200 OK", Connection = "close" }
        ),
        ["supervisor.readProcessStdoutLog.ansi"] = new(
            "Supervisor sends ESC raw in <string>, which every XML parser rejects (ExpatError: not well-formed); we send U+FFFD.",
            (theirs, _) =>
                theirs with
                {
                    Server = null,
                    Body = theirs.Body.Replace("\x1b", Fffd, StringComparison.Ordinal),
                }
        ),
        ["supervisor.tailProcessStdoutLog.ansi"] = new(
            "As readProcessStdoutLog.ansi; the offset stays the byte offset in the file.",
            (theirs, _) =>
                theirs with
                {
                    Server = null,
                    Body = theirs.Body.Replace("\x1b", Fffd, StringComparison.Ordinal),
                }
        ),
        ["supervisor.readProcessStdoutLog.invalid_utf8"] = new(
            "Supervisor fails with HTTP 500 (UnicodeDecodeError) on bytes that are not UTF-8; we decode with replacement.",
            (theirs, _) =>
                theirs with
                {
                    Server = null,
                    StatusLine = "HTTP/1.1 200 OK",
                    ContentType = "text/xml",
                    Body =
                        $"<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value><string>{AnsiOutput}</string></value>\n</param>\n</params>\n</methodResponse>\n",
                }
        ),
        ["supervisor.tailProcessStdoutLog.invalid_utf8"] = new(
            "As readProcessStdoutLog.invalid_utf8: [data, offset, overflow] with the byte offset 29.",
            (theirs, _) =>
                theirs with
                {
                    Server = null,
                    StatusLine = "HTTP/1.1 200 OK",
                    ContentType = "text/xml",
                    Body =
                        "<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value><array><data>\n"
                        + $"<value><string>{AnsiOutput}</string></value>\n<value><int>29</int></value>\n<value><boolean>0</boolean></value>\n"
                        + "</data></array></value>\n</param>\n</params>\n</methodResponse>\n",
                }
        ),
        ["supervisor.readLog"] = new(
            "The last 200 bytes of the main log: which program reaches RUNNING last varies from run to run; we check the slice's shape.",
            (theirs, ours) =>
            {
                ours.Body.Should()
                    .MatchRegex(
                        @"^<\?xml version='1.0'\?>\n<methodResponse>\n<params>\n<param>\n<value><string>[^<]*"
                            + @"TIME INFO success: \w+ entered RUNNING state, process has stayed up for &gt; than 1 seconds \(startsecs\)\n</string></value>\n</param>\n</params>\n</methodResponse>\n$"
                    );
                return theirs with { Server = null, Body = ours.Body };
            },
            Varies: true
        ),
        ["http.mainlogtail"] = new(
            "The last 1024 bytes of the main log: where the cut falls varies with pid lengths, and our bad-request line has our parser's reason "
                + "where Supervisor's says 'unmarshallable'; we check the lines that matter.",
            (theirs, ours) =>
            {
                ours.Text.Should()
                    .Contain("TIME WARN stopped: extra (terminated by SIGTERM)\n")
                    .And.Contain(
                        "TIME ERRO XML-RPC request data '<methodCall><methodName>supervisor.getState</methodName>' is invalid: "
                    )
                    .And.EndWith(
                        "TIME ERRO XML-RPC request data \"<?xml version='1.0'?>\\n<methodCall>\\n<methodName></methodName>\\n</methodCall>\\n\" is invalid: no method name\n"
                    );
                return theirs with { Server = null, Body = ours.Body };
            },
            Varies: true
        ),
    };

    public static TheoryData<string> Names() => new(RecordedNames());

    private static string[] RecordedNames() =>
        [
            .. Directory
                .GetFiles(OurRecording.SupervisorDirectory, "*.response")
                .Order(StringComparer.Ordinal)
                .Select(file => Path.GetFileName(file)[..^".response".Length]),
        ];

    [PythonTheory]
    [MemberData(nameof(Names))]
    public void Our_reply_is_Supervisors_byte_for_byte_but_for_the_known_differences(string name)
    {
        var theirs = OurRecording.Supervisors(name);
        var ours = recording.Ours(name);

        var difference = Differences.GetValueOrDefault(name, Everywhere);
        var expected = difference.Instead(theirs, ours);

        ours.Server.Should().BeNull(Everywhere.Reason);
        ours.StatusLine.Should().Be(expected.StatusLine, difference.Reason);
        ours.ContentLengthMatches.Should()
            .Be(expected.ContentLengthMatches, "every reply that is not a stream carries a right Content-Length");
        ours.Body.Should().Be(expected.Body, difference.Reason);
        ours.Should().Be(expected, difference.Reason);
        if (!ReferenceEquals(difference, Everywhere) && !difference.Varies)
        {
            ours.Should()
                .NotBe(
                    Everywhere.Instead(theirs, ours),
                    "a known difference that is no longer one belongs out of the table"
                );
        }
    }

    [PythonTheory]
    [InlineData("supervisor.readProcessStdoutLog.ansi")]
    [InlineData("supervisor.readProcessStdoutLog.invalid_utf8")]
    [InlineData("supervisor.tailProcessStdoutLog.ansi")]
    [InlineData("supervisor.tailProcessStdoutLog.invalid_utf8")]
    public async Task Pythons_xmlrpc_client_parses_our_reply_over_ansi_and_invalid_utf8_log_text_where_supervisors_does_not_parse(
        string name
    )
    {
        const string Loads =
            "import sys, xmlrpc.client\n"
            + "for path in sys.argv[1:]:\n"
            + "    body = open(path, 'rb').read().split(b'\\r\\n\\r\\n', 1)[1]\n"
            + "    try:\n        xmlrpc.client.loads(body); print('parsed')\n"
            + "    except Exception as e:\n        print(type(e).__name__)\n";

        var result = await CliWrap.Buffered.BufferedCommandExtensions.ExecuteBufferedAsync(
            CliWrap
                .Cli.Wrap(OurRecording.Python!)
                .WithArguments([
                    "-c",
                    Loads,
                    Path.Combine(OurRecording.SupervisorDirectory, name + ".response"),
                    Path.Combine(recording.Directory, name + ".response"),
                ])
                .WithValidation(CliWrap.CommandResultValidation.None)
        );

        result
            .StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Should()
            .Equal(["ExpatError", "parsed"], result.StandardError);
    }

    [Fact]
    public void Every_known_difference_names_a_recorded_case() => Differences.Keys.Should().BeSubsetOf(RecordedNames());

    /// <param name="Instead">Supervisor's normalised reply, and ours, to the reply we send instead.</param>
    /// <param name="Varies">The text varies from run to run by itself, and may happen to be Supervisor's.</param>
    private sealed record KnownDifference(
        string Reason,
        Func<RecordedReply, RecordedReply, RecordedReply> Instead,
        bool Varies = false
    );
}
