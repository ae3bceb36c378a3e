namespace Supervise.Supervisord.Logging;

/// <summary>How a channel's log file fared since it was last asked: the main log reports each change once.</summary>
public enum LogFileChange
{
    None,

    /// <summary>Writes started failing: bytes are being dropped.</summary>
    Failed,

    /// <summary>A write got through again after a reported failure.</summary>
    Recovered,
}
