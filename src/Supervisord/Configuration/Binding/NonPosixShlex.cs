using System.Text;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>
/// Python's <c>shlex.shlex(text)</c> (posix=False) tokenizer, state for state: words of [A-Za-z0-9_/.+-():], quoted
/// tokens that keep their quotes, '#' comments to the end of the line, and every other character a token of its own.
/// </summary>
internal static class NonPosixShlex
{
    private const string Whitespace = " \t\r\n";

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || "_/.+-():".Contains(c);

    public static List<string> Tokens(string text, out string? error)
    {
        error = null;
        var tokens = new List<string>();
        var token = new StringBuilder();
        var state = ' ';
        var i = 0;

        void Emit()
        {
            tokens.Add(token.ToString());
            token.Clear();
        }

        void SkipLine()
        {
            var newline = text.IndexOf('\n', i);
            i = newline < 0 ? text.Length : newline + 1;
        }

        while (i <= text.Length)
        {
            var end = i == text.Length;
            var c = end ? '\0' : text[i];
            i++;
            if (state == ' ')
            {
                if (end)
                {
                    break;
                }
                if (Whitespace.Contains(c))
                {
                    continue;
                }
                if (c == '#')
                {
                    SkipLine();
                }
                else if (IsWordChar(c))
                {
                    token.Append(c);
                    state = 'a';
                }
                else if (c is '\'' or '"')
                {
                    token.Append(c);
                    state = c;
                }
                else
                {
                    token.Append(c);
                    Emit();
                }
            }
            else if (state is '\'' or '"')
            {
                if (end)
                {
                    error = "No closing quotation";
                    return tokens;
                }
                token.Append(c);
                if (c == state)
                {
                    state = ' ';
                    Emit();
                }
            }
            else
            {
                if (end)
                {
                    Emit();
                    break;
                }
                if (Whitespace.Contains(c))
                {
                    state = ' ';
                    Emit();
                }
                else if (c == '#')
                {
                    SkipLine();
                }
                else if (IsWordChar(c) || c is '\'' or '"')
                {
                    token.Append(c);
                }
                else
                {
                    // The character is pushed back as a token of its own.
                    state = ' ';
                    Emit();
                    tokens.Add(c.ToString());
                }
            }
        }
        return tokens;
    }
}
