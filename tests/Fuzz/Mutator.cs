using System.Text;

namespace Supervise.Fuzz;

/// <summary>
/// libFuzzer's classic byte mutations, stacked 1 to 8 deep: flip a bit, set a byte, insert or erase a run, copy a
/// run elsewhere, insert a token of the target's grammar, splice with another input, truncate.
/// </summary>
public sealed class Mutator(Random random, IReadOnlyList<byte[]> tokens)
{
    private const int MaxLength = 64 * 1024;

    public byte[] Mutate(byte[] parent, IReadOnlyList<byte[]> pool)
    {
        var data = new List<byte>(parent);
        var depth = 1 + random.Next(8);
        for (var i = 0; i < depth; i++)
        {
            Apply(data, pool);
        }
        if (data.Count > MaxLength)
        {
            data.RemoveRange(MaxLength, data.Count - MaxLength);
        }
        return [.. data];
    }

    private void Apply(List<byte> data, IReadOnlyList<byte[]> pool)
    {
        var at = data.Count == 0 ? 0 : random.Next(data.Count + 1);
        switch (random.Next(9))
        {
            case 0 when data.Count > 0:
                data[Math.Min(at, data.Count - 1)] ^= (byte)(1 << random.Next(8));
                break;
            case 1 when data.Count > 0:
                data[Math.Min(at, data.Count - 1)] = Interesting();
                break;
            case 2:
                data.InsertRange(at, Enumerable.Range(0, 1 + random.Next(8)).Select(_ => Interesting()));
                break;
            case 3 when data.Count > 0:
                var eraseAt = Math.Min(at, data.Count - 1);
                data.RemoveRange(eraseAt, Math.Min(data.Count - eraseAt, 1 + random.Next(32)));
                break;
            case 4 when data.Count > 1:
                var from = random.Next(data.Count);
                var run = data.GetRange(from, Math.Min(data.Count - from, 1 + random.Next(64)));
                data.InsertRange(
                    at,
                    Enumerable.Repeat(run, 1 + random.Next(random.Next(100) == 0 ? 200 : 3)).SelectMany(r => r)
                );
                break;
            case 5 or 6 when tokens.Count > 0:
                data.InsertRange(at, tokens[random.Next(tokens.Count)]);
                break;
            case 7 when pool.Count > 0:
                var other = pool[random.Next(pool.Count)];
                var start = random.Next(other.Length + 1);
                data.InsertRange(
                    at,
                    other.AsSpan(start, Math.Min(other.Length - start, 1 + random.Next(256))).ToArray()
                );
                break;
            case 8 when data.Count > 0:
                data.RemoveRange(
                    at == data.Count ? data.Count - 1 : at,
                    data.Count - (at == data.Count ? data.Count - 1 : at)
                );
                break;
            default:
                data.Insert(at, Interesting());
                break;
        }
    }

    private byte Interesting() =>
        random.Next(4) switch
        {
            0 => (byte)"\0\n\r\t =[]%()<>&;#\"'\\:,"[random.Next(21)],
            1 => (byte)random.Next(0x80, 0x100),
            _ => (byte)random.Next(0x20, 0x7f),
        };

    public static IReadOnlyList<byte[]> TokensFor(string target) =>
        (
            target switch
            {
                "ini" => (string[])
                    [
                        "\n[program:x]\n",
                        "\n[group:g]\nprograms=",
                        "\n[eventlistener:e]\nevents=",
                        "\n[fcgi-program:f]\nsocket=",
                        "\n[include]\nfiles=",
                        "\n[unix_http_server]\nfile=",
                        "\n[inet_http_server]\nport=",
                        "\n[supervisorctl]\nserverurl=",
                        "%(here)s",
                        "%(program_name)s",
                        "%(process_num)02d",
                        "%(ENV_X)s",
                        "%(",
                        ")s",
                        "command=",
                        "numprocs=",
                        "priority=",
                        "environment=A=\"1\",B=",
                        "user=",
                        "stdout_logfile=",
                        "directory=",
                        "umask=",
                        "startsecs=",
                        "9999999999999999999999",
                        "-1",
                        "0x",
                        "true",
                        "\0",
                        ";",
                        "\n ",
                    ],
                "toml" => (string[])
                    [
                        "\n[programs.x]\n",
                        "\n[[programs.x.env]]\n",
                        "\n[supervisord]\n",
                        "command = ",
                        "numprocs = ",
                        "\"",
                        "'''",
                        "[",
                        "]",
                        "{",
                        "}",
                        " = ",
                        "1e999",
                        "-0",
                        "9999999999999999999999",
                        "true",
                        "nan",
                        "inf",
                        "1979-05-27T07:32:00Z",
                        "\\u0000",
                        "\\",
                        "#",
                        "\n",
                    ],
                "xmlrpc" => (string[])
                    [
                        "<?xml version='1.0'?>",
                        "<methodCall>",
                        "</methodCall>",
                        "<methodName>",
                        "</methodName>",
                        "<params>",
                        "<param>",
                        "<value>",
                        "</value>",
                        "<array><data>",
                        "</data></array>",
                        "<struct><member><name>",
                        "</name>",
                        "</member></struct>",
                        "<int>",
                        "<i4>",
                        "<i8>",
                        "<double>",
                        "<boolean>",
                        "<base64>",
                        "<dateTime.iso8601>",
                        "<string>",
                        "<nil/>",
                        "&amp;",
                        "&#x0;",
                        "&#1114112;",
                        "<![CDATA[",
                        "]]>",
                        "<!DOCTYPE x [<!ENTITY a 'b'>]>",
                        "&a;",
                        "supervisor.",
                        "system.multicall",
                        "99999999999999999999",
                        "1e400",
                    ],
                _ => (string[])
                    ["READY\n", "RESULT ", "\n", "OK", "FAIL", "-1", "99999999999", "0", "RESULT 2\nOK", "\r\n"],
            }
        )
            .Select(Encoding.UTF8.GetBytes)
            .ToArray();
}
