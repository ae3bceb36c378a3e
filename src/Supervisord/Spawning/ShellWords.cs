using System.Text;

namespace Supervise.Supervisord.Spawning;

/// <summary>
/// Splits a command line the way Python's shlex.split (POSIX mode) does, which is what Supervisor uses for
/// <c>command=</c>: whitespace separates words, single quotes are literal, double quotes allow \" and \\, and a
/// backslash outside quotes escapes the next character. No variable, glob or tilde expansion.
/// </summary>
public static class ShellWords
{
    /// <exception cref="FormatException">"No closing quotation" or "No escaped character", as shlex says.</exception>
    public static IReadOnlyList<string> Split(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            switch (c)
            {
                case '\'':
                    var close = text.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        throw new FormatException("No closing quotation");
                    }
                    word.Append(text, i + 1, close - i - 1);
                    i = close;
                    break;
                case '"':
                    i = ReadDoubleQuoted(text, i + 1, word);
                    break;
                case '\\':
                    if (i + 1 >= text.Length)
                    {
                        throw new FormatException("No escaped character");
                    }
                    word.Append(text[++i]);
                    break;
                default:
                    word.Append(c);
                    break;
            }
        }
        if (inWord)
        {
            words.Add(word.ToString());
        }
        return words;
    }

    private static int ReadDoubleQuoted(string text, int start, StringBuilder word)
    {
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                return i;
            }
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\')
            {
                word.Append(text[++i]);
                continue;
            }
            word.Append(c);
        }
        throw new FormatException("No closing quotation");
    }
}
