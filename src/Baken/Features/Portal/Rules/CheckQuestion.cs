namespace Baken.Features.Portal.Rules;

/// <summary>A question of the check: the posted field, its texts and options (labels are <c>Rules_{Name}_{option}</c>).</summary>
public sealed record CheckQuestion(string Name, string LegendKey, string? HintKey, IReadOnlyList<string> Options, string? Current);
