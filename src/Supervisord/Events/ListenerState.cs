namespace Supervise.Supervisord.Events;

/// <summary>Supervisor's EventListenerStates: where one listener is in the READY / event / RESULT exchange.</summary>
public enum ListenerState
{
    Acknowledged = 30,
    Ready = 10,
    Busy = 20,
    Unknown = 40,
}
