namespace Supervise.Python;

/// <summary>
/// Python's notion of whitespace (<c>str.isspace</c>, <c>str.strip</c>), which the INI rules are written in. It differs
/// from <see cref="char.IsWhiteSpace(char)"/> in the separators U+001C..U+001F, which Python counts as space.
/// </summary>
public static class PyText
{
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\x1c' and <= '\x1f';

    public static string Strip(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsSpace(text[start]))
        {
            start++;
        }
        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }
        return text[start..end];
    }

    public static string StripEnd(string text)
    {
        var end = text.Length;
        while (end > 0 && IsSpace(text[end - 1]))
        {
            end--;
        }
        return text[..end];
    }

    /// <summary>Index of the first non-space character, or the length when there is none.</summary>
    public static int IndentOf(string line)
    {
        var i = 0;
        while (i < line.Length && IsSpace(line[i]))
        {
            i++;
        }
        return i;
    }
}
