using Baken.Features.Rules;

namespace Baken.Tests.Features.Rules;

/// <summary>The choices of "Which rules apply to me?", as a pure function.</summary>
public sealed class RuleCheckTests
{
    private static RuleCheck.Advice For(WorkPlace place, WorkCompany company = WorkCompany.Alone, AgeGroup age = AgeGroup.From21, ChangeWish change = ChangeWish.No) =>
        RuleCheck.For(new RuleCheck.Answers(place, company, age, change));

    [Fact]
    public void Working_at_home_leads_to_the_home_work_page_and_the_new_law()
    {
        var advice = For(WorkPlace.Home);

        advice.Pages.Select(p => p.Code).ShouldBe([RuleCheck.AtHome, RuleCheck.NewLaw]);
        advice.Pages[1].ReasonKey.ShouldBe("Rules_Reason_NewLawHome", "the WRS would allow home work with a licence");
        advice.TooYoung.ShouldBeFalse();
    }

    [Fact]
    public void Working_at_home_with_others_also_explains_the_rules_for_businesses() =>
        For(WorkPlace.Home, WorkCompany.WithOthers).Pages.Select(p => p.Code).ShouldBe([RuleCheck.AtHome, RuleCheck.WithOperator, RuleCheck.NewLaw]);

    [Fact]
    public void Not_sure_where_you_work_shows_every_way_of_working() =>
        For(WorkPlace.NotSure).Pages.Select(p => p.Code).ShouldBe([RuleCheck.WithOperator, RuleCheck.AtHome, RuleCheck.EscortAndOnline, RuleCheck.NewLaw]);

    [Fact]
    public void Under_21_hears_of_the_age_rule_of_the_new_law() =>
        For(WorkPlace.Operator, age: AgeGroup.From18To20).Pages.Single(p => p.Code == RuleCheck.NewLaw).ReasonKey.ShouldBe("Rules_Reason_NewLawAge");

    [Fact]
    public void Under_18_gets_help_and_protection_not_rules_for_work()
    {
        var advice = For(WorkPlace.Escort, age: AgeGroup.Under18);

        advice.TooYoung.ShouldBeTrue();
        advice.Pages.ShouldBeEmpty();
        advice.Topics.Select(t => t.Code).ShouldContain("group-young");
        advice.Topics.Select(t => t.Code).ShouldContain("topic-violence");
    }

    [Fact]
    public void Wanting_to_stop_puts_the_exit_programme_first_and_escorts_get_safety_help()
    {
        var topics = For(WorkPlace.Escort, change: ChangeWish.Maybe).Topics.Select(t => t.Code).ToList();

        topics[0].ShouldBe("topic-exit");
        topics.ShouldContain("topic-safety");
        For(WorkPlace.Operator).Topics.Select(t => t.Code).ShouldNotContain("topic-exit");
    }
}
