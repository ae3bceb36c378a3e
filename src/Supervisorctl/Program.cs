namespace Supervise.Supervisorctl;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("supervisorctl: not implemented yet");
        return 1;
    }
}
