namespace Supervise.Supervisorctl.Output;

/// <summary>Python's cmd.Cmd.columnize: the fewest rows whose columns (two spaces apart) fit the width.</summary>
internal static class Columns
{
    public static IEnumerable<string> Layout(IReadOnlyList<string> items, int width)
    {
        if (items.Count == 0)
        {
            return ["<empty>"];
        }
        if (items.Count == 1)
        {
            return [items[0]];
        }
        var (rows, widths) = Fit(items, width);
        var lines = new List<string>();
        for (var row = 0; row < rows; row++)
        {
            var texts = new List<string>();
            for (var col = 0; col < widths.Count; col++)
            {
                var i = row + rows * col;
                texts.Add(i < items.Count ? items[i] : "");
            }
            while (texts.Count > 0 && texts[^1].Length == 0)
            {
                texts.RemoveAt(texts.Count - 1);
            }
            lines.Add(string.Join("  ", texts.Select((text, col) => text.PadRight(widths[col]))));
        }
        return lines;
    }

    private static (int Rows, List<int> Widths) Fit(IReadOnlyList<string> items, int width)
    {
        for (var rows = 1; rows < items.Count; rows++)
        {
            var cols = (items.Count + rows - 1) / rows;
            var widths = new List<int>();
            var total = -2;
            for (var col = 0; col < cols; col++)
            {
                var colWidth = 0;
                for (var row = 0; row < rows && row + rows * col < items.Count; row++)
                {
                    colWidth = Math.Max(colWidth, items[row + rows * col].Length);
                }
                widths.Add(colWidth);
                total += colWidth + 2;
                if (total > width)
                {
                    break;
                }
            }
            if (total <= width)
            {
                return (rows, widths);
            }
        }
        return (items.Count, [0]);
    }
}
