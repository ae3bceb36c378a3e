using SharpFuzz;

namespace Supervise.Fuzz;

/// <summary>
/// One target under afl-fuzz (<c>Fuzz.dll --afl TARGET</c>): SharpFuzz's fork-server loop feeds each input AFL makes to
/// the target, in persistent mode (<see cref="Fuzzer.Run(Action{Stream})"/>), and reports the coverage of the
/// instrumented assemblies (see <c>./build.sh fuzz --afl</c>). An exception out of the target is an AFL crash; a run
/// past afl-fuzz's -t is an AFL hang. Outside afl-fuzz it runs the input on stdin once.
/// </summary>
public static class AflRunner
{
    public static int Run(string name, bool outOfProcess)
    {
        if (Environment.GetEnvironmentVariable("SUPERVISE_FUZZ_TRACE") == "1")
        {
            // Where a caught exception came from (the loader's catch-all keeps only its message): replaying a crash.
            AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
                Console.Error.WriteLine(
                    $"first chance: {e.Exception.GetType().Name}: {e.Exception.Message}\n{Environment.StackTrace}"
                );
        }
        var target = Targets.Create(name);
        try
        {
            Action<Stream> action = stream =>
            {
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                target.Run(buffer.ToArray());
            };
            if (outOfProcess)
            {
                Fuzzer.OutOfProcess.Run(action);
            }
            else
            {
                Fuzzer.Run(action);
            }
            return 0;
        }
        finally
        {
            (target as IDisposable)?.Dispose();
        }
    }
}
