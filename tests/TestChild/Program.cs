// A small, scriptable child for the integration specs. Each argument is one step, run in order:
//   print:TEXT        write TEXT and a newline to stdout      eprint:TEXT   the same to stderr
//   env:NAME          print NAME=value (or NAME= when unset)  pwd           print the working directory
//   umask             print the umask in octal (via /proc)    uid           print the real uid
//   sleep:MS          sleep MS milliseconds                   exit:N        exit with status N now
//   ignore-term       ignore SIGTERM from here on             flood:BYTES   write BYTES bytes of 'x' lines to stdout
//   binary:BYTES      write BYTES bytes 0..255 repeating      noline:BYTES  write BYTES of 'y' with no newline
//   close-stdout      close fd 1                              grandchild:MS start "testchild sleep:MS" and do not wait
//   touch:PATH        create PATH (marks that the step ran)   hang          sleep forever
using System.Diagnostics;
using System.Runtime.InteropServices;

var stdout = Console.OpenStandardOutput();
var stderr = Console.OpenStandardError();
foreach (var step in args)
{
    var colon = step.IndexOf(':');
    var verb = colon < 0 ? step : step[..colon];
    var arg = colon < 0 ? "" : step[(colon + 1)..];
    switch (verb)
    {
        case "print":
            Write(stdout, arg + "\n");
            break;
        case "eprint":
            Write(stderr, arg + "\n");
            break;
        case "env":
            Write(stdout, $"{arg}={Environment.GetEnvironmentVariable(arg)}\n");
            break;
        case "pwd":
            Write(stdout, Environment.CurrentDirectory + "\n");
            break;
        case "umask":
            Write(stdout, ReadUmask() + "\n");
            break;
        case "uid":
            Write(stdout, Native.getuid() + "\n");
            break;
        case "sleep":
            Thread.Sleep(int.Parse(arg));
            break;
        case "exit":
            return int.Parse(arg);
        case "ignore-term":
            Native.signal(15, 1);
            break;
        case "flood":
            Flood(stdout, long.Parse(arg), (byte)'x', newlines: true);
            break;
        case "noline":
            Flood(stdout, long.Parse(arg), (byte)'y', newlines: false);
            break;
        case "binary":
            Binary(stdout, long.Parse(arg));
            break;
        case "close-stdout":
            stdout.Flush();
            Native.close(1);
            break;
        case "grandchild":
            StartGrandchild(arg);
            break;
        case "touch":
            File.WriteAllText(arg, "");
            break;
        case "hang":
            Thread.Sleep(Timeout.Infinite);
            break;
        default:
            Write(stderr, $"testchild: unknown step '{step}'\n");
            return 64;
    }
}
return 0;

static void Write(Stream stream, string text)
{
    var bytes = System.Text.Encoding.UTF8.GetBytes(text);
    stream.Write(bytes);
    stream.Flush();
}

static void Flood(Stream stream, long count, byte fill, bool newlines)
{
    var block = new byte[64 * 1024];
    Array.Fill(block, fill);
    if (newlines)
    {
        for (var i = 99; i < block.Length; i += 100)
        {
            block[i] = (byte)'\n';
        }
    }
    while (count > 0)
    {
        var n = (int)Math.Min(count, block.Length);
        stream.Write(block, 0, n);
        count -= n;
    }
    stream.Flush();
}

static void Binary(Stream stream, long count)
{
    var block = new byte[256];
    for (var i = 0; i < 256; i++)
    {
        block[i] = (byte)i;
    }
    while (count > 0)
    {
        var n = (int)Math.Min(count, block.Length);
        stream.Write(block, 0, n);
        count -= n;
    }
    stream.Flush();
}

static string ReadUmask()
{
    foreach (var line in File.ReadLines("/proc/self/status"))
    {
        if (line.StartsWith("Umask:", StringComparison.Ordinal))
        {
            return line["Umask:".Length..].Trim();
        }
    }
    return "?";
}

static void StartGrandchild(string milliseconds)
{
    var self = Environment.ProcessPath!;
    var info = new ProcessStartInfo(self) { UseShellExecute = false };
    info.ArgumentList.Add("sleep:" + milliseconds);
    Process.Start(info);
}

internal static partial class Native
{
    [LibraryImport("libc")]
    internal static partial uint getuid();

    [LibraryImport("libc")]
    internal static partial nint signal(int signum, nint handler);

    [LibraryImport("libc")]
    internal static partial int close(int fd);
}
