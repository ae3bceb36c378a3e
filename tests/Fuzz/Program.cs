using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Supervise.Fuzz;

// ./build.sh fuzz [--seconds N] [--seed S] [--replay] [TARGET...]: each target (ini, toml, xmlrpc, listener; all by
// default) runs N seconds (10) of mutants of its corpus (tests/Fuzz/corpus/TARGET). A crash is written to
// tests/Fuzz/crashes/TARGET/ (a regression input for FuzzRegressionSpecs) and the run exits 1. --replay only runs the
// corpus and the saved crashes once. A single input that runs 10 s is a hang: it is saved and the run exits 3.
// --afl TARGET [--out-of-process]: the target under afl-fuzz instead (AflRunner; ./build.sh fuzz --afl drives it).
if (args is ["--afl", var aflTarget, .. var aflRest])
{
    return AflRunner.Run(aflTarget, outOfProcess: aflRest.Contains("--out-of-process"));
}
var seconds = 10;
var seed = Environment.TickCount;
var replay = false;
string? corpus = null;
var targets = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seconds":
            seconds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--seed":
            seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--corpus":
            corpus = args[++i];
            break;
        case "--replay":
            replay = true;
            break;
        default:
            targets.Add(args[i]);
            break;
    }
}
corpus ??= "tests/Fuzz/corpus";
var crashes = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(corpus))!, "crashes");
if (targets.Count == 0)
{
    targets.AddRange(["ini", "toml", "xmlrpc", "listener"]);
}

var failed = false;
foreach (var name in targets)
{
    var target = Targets.Create(name);
    try
    {
        failed |= Run(target, name);
    }
    finally
    {
        (target as IDisposable)?.Dispose();
    }
}
return failed ? 1 : 0;

bool Run(IFuzzTarget target, string name)
{
    var inputs = Targets
        .Inputs(Path.Combine(corpus, name))
        .Concat(Targets.Inputs(Path.Combine(crashes, name)))
        .ToList();
    var pool = new List<byte[]>(
        inputs.Count == 0
            ?
            [
                [],
            ]
            : inputs
    );
    var random = new Random(seed);
    var mutator = new Mutator(random, Mutator.TokensFor(name));
    var unique = new HashSet<string>();
    long executions = 0,
        crashCount = 0,
        accepted = 0;
    var clock = Stopwatch.StartNew();
    var current = Array.Empty<byte>();
    var started = Stopwatch.GetTimestamp();
    using var watchdog = new Timer(
        _ =>
        {
            if (Stopwatch.GetElapsedTime(Interlocked.Read(ref started)) > TimeSpan.FromSeconds(10))
            {
                Save("hang", current);
                Console.WriteLine($"{name}: HANG on an input of {current.Length} bytes (saved)");
                Environment.Exit(3);
            }
        },
        null,
        1000,
        1000
    );

    var queue = new Queue<byte[]>(inputs);
    while (queue.Count > 0 || (!replay && clock.Elapsed < TimeSpan.FromSeconds(seconds)))
    {
        current = queue.Count > 0 ? queue.Dequeue() : mutator.Mutate(pool[random.Next(pool.Count)], pool);
        Interlocked.Exchange(ref started, Stopwatch.GetTimestamp());
        try
        {
            if (target.Run(current) == Verdict.Accepted)
            {
                accepted++;
                if (pool.Count < 4000 && random.Next(4) == 0)
                {
                    pool.Add(current);
                }
            }
        }
        catch (Exception exception)
        {
            crashCount++;
            var signature =
                $"{exception.GetType().Name}: {exception.Message[..Math.Min(80, exception.Message.Length)]} @ {exception.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}";
            if (unique.Add(signature))
            {
                var file = Save("crash", current);
                Console.WriteLine($"{name}: CRASH {signature}\n  input: {file}");
            }
        }
        executions++;
    }
    var rate = executions / Math.Max(0.001, clock.Elapsed.TotalSeconds);
    Console.WriteLine(
        string.Create(
            CultureInfo.InvariantCulture,
            $"{name}: {executions} executions in {clock.Elapsed.TotalSeconds:F0} s ({rate:F0}/s), {accepted} accepted, {crashCount} crashes ({unique.Count} unique), seed {seed}"
        )
    );
    return crashCount > 0;

    string Save(string kind, byte[] input)
    {
        var folder = Path.Combine(crashes, name);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{kind}-{Convert.ToHexStringLower(SHA1.HashData(input))[..12]}");
        File.WriteAllBytes(file, input);
        return file;
    }
}
