using System.Text;

namespace Supervise.Supervisord.Configuration;

/// <summary>
/// Python's <c>shlex.split(command)</c> (POSIX mode, no comments), which Supervisor uses to turn <c>command=</c> into
/// argv: whitespace separates words, single quotes are literal, double quotes let only \" and \\ be escaped, and a
/// backslash outside quotes escapes any character.
/// </summary>
public static class CommandLine
{
    /// <returns>The words, or null with <paramref name="error"/> ("No closing quotation", "No escaped character").</returns>
    public static IReadOnlyList<string>? Split(string command, out string? error)
    {
        error = null;
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (quote == '\'')
            {
                if (c == '\'')
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c == '\\')
            {
                if (++i >= command.Length)
                {
                    error = "No escaped character";
                    return null;
                }
                var next = command[i];
                if (quote == '"' && next is not ('"' or '\\'))
                {
                    word.Append('\\');
                }
                word.Append(next);
                inWord = true;
            }
            else if (quote == '"')
            {
                if (c == '"')
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is ' ' or '\t' or '\r' or '\n')
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                if (c is '\'' or '"')
                {
                    quote = c;
                }
                else
                {
                    word.Append(c);
                }
                inWord = true;
            }
        }
        if (quote is not null)
        {
            error = "No closing quotation";
            return null;
        }
        if (inWord)
        {
            words.Add(word.ToString());
        }
        return words;
    }
}
