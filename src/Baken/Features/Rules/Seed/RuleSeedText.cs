namespace Baken.Features.Rules.Seed;

/// <summary>One language version of a start page, as written for Baken (example text for "Voorbeeldstad").</summary>
internal sealed record RuleSeedText(string Slug, int SortOrder, string Language, string Title, string Summary, string Body);
