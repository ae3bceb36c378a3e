namespace Supervise.Supervisord.Spawning;

/// <summary>Forwards to <see cref="Platform.SignalTable.Name"/>; kept until Processes calls the platform table.</summary>
public static class SignalNames
{
    public static string Name(int signal) => Platform.SignalTable.Name(signal);
}
