namespace Supervise.Supervisord;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("supervisord: not implemented yet");
        return 2;
    }
}
