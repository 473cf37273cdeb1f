using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Baken.Features.Plan;

/// <summary>
/// A small server-rendered SVG line chart of one domain's scores (1–5) over the assessments. It has a title and a
/// description for screen readers, each point a tooltip, and the page shows the same data as a table.
/// Colours come from the stylesheet, so the chart follows the theme and prints in black and white.
/// </summary>
public static class ProgressChart
{
    private const int Width = 320;
    private const int Height = 150;
    private const int Left = 28;
    private const int Right = 12;
    private const int Top = 10;
    private const int Bottom = 26;

    public sealed record Point(DateOnly Date, int Score);

    public static IHtmlContent Render(string id, string title, string description, IReadOnlyList<Point> points)
    {
        var encoder = HtmlEncoder.Default;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"baken-chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{encoder.Encode(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">{encoder.Encode(description)}</desc>");
        for (var score = 1; score <= 5; score++)
        {
            var y = Y(score);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"baken-chart__grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y}\" y2=\"{y}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"baken-chart__axis\" x=\"{Left - 8}\" y=\"{y + 4}\" text-anchor=\"end\">{score}</text>");
        }

        if (points.Count > 0)
        {
            var coordinates = points.Select((p, i) => (X: X(i, points.Count), Y: Y(p.Score), p)).ToList();
            if (coordinates.Count > 1)
            {
                svg.Append("<polyline class=\"baken-chart__line\" points=\"")
                    .AppendJoin(' ', coordinates.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.X},{c.Y}")))
                    .Append("\"/>");
            }

            foreach (var (x, y, point) in coordinates)
            {
                var label = string.Create(CultureInfo.CurrentCulture, $"{point.Date:d}: {point.Score}");
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"baken-chart__point\" cx=\"{x}\" cy=\"{y}\" r=\"4\"><title>{encoder.Encode(label)}</title></circle>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"baken-chart__axis\" x=\"{coordinates[0].X}\" y=\"{Height - 8}\" text-anchor=\"start\">{encoder.Encode(points[0].Date.ToString("d", CultureInfo.CurrentCulture))}</text>");
            if (points.Count > 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"baken-chart__axis\" x=\"{coordinates[^1].X}\" y=\"{Height - 8}\" text-anchor=\"end\">{encoder.Encode(points[^1].Date.ToString("d", CultureInfo.CurrentCulture))}</text>");
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static int Y(int score) => Top + ((5 - score) * (Height - Top - Bottom) / 4);

    private static int X(int index, int count) =>
        count == 1 ? Left + ((Width - Left - Right) / 2) : Left + 8 + (index * (Width - Left - Right - 16) / (count - 1));
}
