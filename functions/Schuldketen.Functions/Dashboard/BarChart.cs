namespace Schuldketen.Functions.Dashboard;

/// <summary>A horizontal bar chart drawn as SVG on the server; the page shows the same numbers in a table beside it.</summary>
public sealed record BarChart(string Id, string Title, string Unit, IReadOnlyList<Bar> Bars)
{
    public const int Width = 600;
    public const int LabelWidth = 250;
    public const int BarArea = 280;
    public const int RowHeight = 30;

    public int Height => Math.Max(1, Bars.Count) * RowHeight + 10;

    /// <summary>The length of a bar: its share of the largest value, over the bar area.</summary>
    public int LengthOf(Bar bar)
    {
        var max = Bars.Count == 0 ? 0 : Bars.Max(each => each.Value);
        return max == 0 ? 0 : (int)Math.Round((double)bar.Value / max * BarArea);
    }
}

public sealed record Bar(string Label, int Value);
