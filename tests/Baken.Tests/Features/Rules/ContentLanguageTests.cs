using Baken.Features.Rules;

namespace Baken.Tests.Features.Rules;

public sealed class ContentLanguageTests
{
    [Theory]
    [InlineData("nl,en", "nl", "nl", false)]
    [InlineData("nl,en,es", "es", "es", false)]
    [InlineData("nl,en", "es", "en", true)]
    [InlineData("nl,en", "th", "en", true)]
    [InlineData("nl", "en", "nl", true)]
    [InlineData("en", "nl", "en", true)]
    [InlineData("pl,ro", "bg", "pl", true)]
    public void The_requested_language_else_English_else_Dutch_else_any(string available, string requested, string chosen, bool fallback)
    {
        var choice = ContentLanguage.Pick(available.Split(','), requested).ShouldNotBeNull();

        choice.Language.ShouldBe(chosen);
        choice.IsFallback.ShouldBe(fallback);
    }

    [Fact]
    public void Nothing_available_is_no_choice() =>
        ContentLanguage.Pick([], "nl").ShouldBeNull();
}
