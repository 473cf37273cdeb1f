using Baken.Features.Rules;

namespace Baken.Features.Admin.RulePages;

/// <summary>
/// A draft (or a published version) shown as the portal shows it. <paramref name="IsDraft"/> says it is a
/// preview before publishing, rather than a version as it was published.
/// </summary>
public sealed record PreviewModel(string Language, RulePublishing.Draft Draft, bool IsDraft = true);
