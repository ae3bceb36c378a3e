namespace Supervise.Supervisord.Logging;

/// <summary>How a channel's log file fared since it was last asked: the main log reports each change once.</summary>
public enum LogFileChange
{
    None,

    /// <summary>Writes started failing: bytes are held in memory until the file takes them.</summary>
    Failed,

    /// <summary>The hold buffer overflowed during the failure: its oldest bytes are being dropped.</summary>
    Overflowing,

    /// <summary>A write got through again after a reported failure.</summary>
    Recovered,
}
