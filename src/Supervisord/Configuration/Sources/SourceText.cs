using System.Text;

namespace Supervise.Supervisord.Configuration.Sources;

/// <summary>
/// Reads a configuration file as UTF-8 text without ever throwing: a missing, unreadable, oversized or non-UTF-8 file
/// becomes an error naming the file. A byte-order mark is dropped.
/// </summary>
internal static class SourceText
{
    /// <summary>Far beyond any real configuration; guards against pointing -c at a disk image.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(
        encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: true
    );

    /// <returns>The text, or null after adding an error.</returns>
    public static string? Read(string path, DiagnosticBag bag, ConfigDiagnostic? origin = null)
    {
        ConfigDiagnostic Problem(string message) =>
            origin is null ? new ConfigDiagnostic(path, 0, "", "", message) : origin with { Message = message };

        if (!File.Exists(path))
        {
            bag.Error(
                Problem(
                    Directory.Exists(path)
                        ? $"could not read config file {path} (it is a directory)"
                        : $"could not find config file {path}"
                )
            );
            return null;
        }
        byte[] bytes;
        try
        {
            if (new FileInfo(path).Length > MaxBytes)
            {
                bag.Error(Problem($"could not read config file {path} (larger than {MaxBytes / 1024 / 1024} MiB)"));
                return null;
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Error(Problem($"could not read config file {path} ({Echo.Text(e.Message)})"));
            return null;
        }
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.StartsWith('\uFEFF') ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            bag.Error(Problem($"could not read config file {path} (not UTF-8 text: invalid byte at offset {e.Index})"));
            return null;
        }
    }
}
