namespace Supervise.Samples.FeedCore.Spool;

/// <summary>
/// The file name of a claimed job: <c>{jobId}~{worker}~{pid}~{claimedAtUnixMs}.json</c>. Owner and claim time are in
/// the name because the claim is made by one rename(2): nothing is written afterwards, so there is no window in
/// which a claim exists without its owner being known.
/// </summary>
public sealed record ClaimName(string JobId, string Worker, int Pid, long ClaimedAtUnixMs)
{
    private const char Separator = '~';

    public string FileName => $"{JobId}{Separator}{Worker}{Separator}{Pid}{Separator}{ClaimedAtUnixMs}.json";

    /// <summary>Worker names come from the command line or SUPERVISOR_PROCESS_NAME; keep them file-name safe.</summary>
    public static string SafeWorkerName(string worker) =>
        string.Concat(worker.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or ':' ? c : '_'));

    public static ClaimName? TryParse(string fileName)
    {
        if (!fileName.EndsWith(".json", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = fileName[..^".json".Length].Split(Separator);
        return parts.Length == 4 && int.TryParse(parts[2], out var pid) && long.TryParse(parts[3], out var claimedAt)
            ? new ClaimName(parts[0], parts[1], pid, claimedAt)
            : null;
    }
}
