using System.Text;

namespace Supervise.Supervisorctl.Shell;

/// <summary>
/// A small readline for a terminal: editing keys, history (Up/Down), Tab completion (a unique match is inserted, more
/// matches extend the common prefix and a second Tab lists them). Keys come from a delegate so tests can type.
/// Only single-line editing is supported: the line is redrawn with a carriage return and an erase-to-end.
/// </summary>
internal sealed class TerminalLineEditor(
    Func<ConsoleKeyInfo> readKey,
    TextWriter output,
    History history,
    Func<string, IReadOnlyList<string>> complete
) : ILineReader
{
    private readonly StringBuilder _buffer = new();
    private int _cursor;
    private string _prompt = "";

    public string? ReadLine(string prompt)
    {
        _prompt = prompt;
        _buffer.Clear();
        _cursor = 0;
        var historyIndex = history.Lines.Count;
        var lastWasTab = false;
        output.Write(prompt);
        output.Flush();
        while (true)
        {
            var key = readKey();
            var tab = key.Key == ConsoleKey.Tab;
            var control = (key.Modifiers & ConsoleModifiers.Control) != 0;
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    output.Write('\n');
                    output.Flush();
                    history.Add(_buffer.ToString());
                    return _buffer.ToString();
                case ConsoleKey.Tab:
                    Complete(lastWasTab);
                    break;
                case ConsoleKey.Backspace:
                    if (_cursor > 0)
                    {
                        _buffer.Remove(--_cursor, 1);
                    }
                    break;
                case ConsoleKey.Delete:
                    if (_cursor < _buffer.Length)
                    {
                        _buffer.Remove(_cursor, 1);
                    }
                    break;
                case ConsoleKey.LeftArrow:
                    _cursor = Math.Max(0, _cursor - 1);
                    break;
                case ConsoleKey.RightArrow:
                    _cursor = Math.Min(_buffer.Length, _cursor + 1);
                    break;
                case ConsoleKey.Home:
                    _cursor = 0;
                    break;
                case ConsoleKey.End:
                    _cursor = _buffer.Length;
                    break;
                case ConsoleKey.UpArrow when historyIndex > 0:
                    Replace(history.Lines[--historyIndex]);
                    break;
                case ConsoleKey.DownArrow when historyIndex < history.Lines.Count:
                    historyIndex++;
                    Replace(historyIndex < history.Lines.Count ? history.Lines[historyIndex] : "");
                    break;
                case ConsoleKey.C when control:
                    throw new OperationCanceledException("Interrupted at the prompt");
                case ConsoleKey.D when control:
                    if (_buffer.Length == 0)
                    {
                        return null;
                    }
                    if (_cursor < _buffer.Length)
                    {
                        _buffer.Remove(_cursor, 1);
                    }
                    break;
                default:
                    if (!control || !Emacs(key.Key))
                    {
                        Insert(key.KeyChar);
                    }
                    break;
            }
            lastWasTab = tab;
            Redraw();
        }
    }

    /// <summary>The readline control keys: Ctrl-A/E (ends), Ctrl-U/K (kill before/after), Ctrl-W (kill word).</summary>
    private bool Emacs(ConsoleKey key)
    {
        switch (key)
        {
            case ConsoleKey.A:
                _cursor = 0;
                return true;
            case ConsoleKey.E:
                _cursor = _buffer.Length;
                return true;
            case ConsoleKey.U:
                _buffer.Remove(0, _cursor);
                _cursor = 0;
                return true;
            case ConsoleKey.K:
                _buffer.Length = _cursor;
                return true;
            case ConsoleKey.W:
                var start = _cursor;
                while (start > 0 && _buffer[start - 1] == ' ')
                {
                    start--;
                }
                while (start > 0 && _buffer[start - 1] != ' ')
                {
                    start--;
                }
                _buffer.Remove(start, _cursor - start);
                _cursor = start;
                return true;
            default:
                return false;
        }
    }

    private void Insert(char c)
    {
        if (!char.IsControl(c))
        {
            _buffer.Insert(_cursor++, c);
        }
    }

    private void Replace(string text)
    {
        _buffer.Clear().Append(text);
        _cursor = text.Length;
    }

    private void Complete(bool listAll)
    {
        var before = _buffer.ToString(0, _cursor);
        var wordStart = Completer.WordStart(before);
        var matches = complete(before);
        if (matches.Count == 0)
        {
            return;
        }
        var common = matches.Count == 1 ? matches[0] : CommonPrefix(matches);
        if (common.Length > _cursor - wordStart)
        {
            _buffer.Remove(wordStart, _cursor - wordStart).Insert(wordStart, common);
            _cursor = wordStart + common.Length;
        }
        else if (listAll && matches.Count > 1)
        {
            output.Write('\n');
            output.Write(string.Join("  ", matches.Select(m => m.TrimEnd())));
            output.Write('\n');
        }
    }

    private static string CommonPrefix(IReadOnlyList<string> words)
    {
        var prefix = words[0];
        foreach (var word in words.Skip(1))
        {
            var length = 0;
            while (length < prefix.Length && length < word.Length && prefix[length] == word[length])
            {
                length++;
            }
            prefix = prefix[..length];
        }
        return prefix;
    }

    private void Redraw()
    {
        output.Write('\r');
        output.Write(_prompt);
        output.Write(_buffer.ToString());
        output.Write("\x1b[K");
        if (_cursor < _buffer.Length)
        {
            output.Write($"\x1b[{_buffer.Length - _cursor}D");
        }
        output.Flush();
    }
}
