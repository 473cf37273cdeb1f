namespace Baken.Features.Rules;

/// <summary>Where someone works, as asked by "Which rules apply to me?".</summary>
public enum WorkPlace
{
    Operator = 1,
    Home = 2,
    Escort = 3,
    Online = 4,
    NotSure = 5,
}

public enum WorkCompany
{
    Alone = 1,
    WithOthers = 2,
    NotSure = 3,
}

/// <summary>Only asked to show the age rules (18 now, 21 under the WRS) and to point minors to help; never stored.</summary>
public enum AgeGroup
{
    Under18 = 1,
    From18To20 = 2,
    From21 = 3,
    RatherNotSay = 4,
}

public enum ChangeWish
{
    Yes = 1,
    Maybe = 2,
    No = 3,
}

/// <summary>
/// The answers of "Which rules apply to me?" turned into advice: which rule pages to read (each with a one-line
/// reason, a resource key) and which directory topics to find contacts for. A pure function, so the choices can be
/// tested and reviewed in one place; the answers are never stored.
/// </summary>
public static class RuleCheck
{
    public const string WithOperator = "werken-met-exploitant";
    public const string AtHome = "thuiswerken";
    public const string EscortAndOnline = "escort-en-online";
    public const string NewLaw = "nieuwe-wet-wrs";

    public sealed record Answers(WorkPlace Place, WorkCompany Company, AgeGroup Age, ChangeWish Change);

    public sealed record Reason(string Code, string ReasonKey);

    /// <param name="Pages">Rule pages by slug, most relevant first.</param>
    /// <param name="Topics">Directory taxonomy codes (topics or target groups) to find contacts for, most relevant first.</param>
    /// <param name="TooYoung">Under 18: no sex work rules apply; the advice is about help and protection.</param>
    public sealed record Advice(IReadOnlyList<Reason> Pages, IReadOnlyList<Reason> Topics, bool TooYoung);

    public static Advice For(Answers answers)
    {
        var pages = new List<Reason>();
        var topics = new List<Reason>();
        if (answers.Age == AgeGroup.Under18)
        {
            topics.Add(new("group-young", "Rules_Topic_Young"));
            topics.Add(new("topic-violence", "Rules_Topic_Violence"));
            topics.Add(new("topic-health", "Rules_Topic_Health"));
            return new Advice(pages, topics, TooYoung: true);
        }

        var withOthers = answers.Company == WorkCompany.WithOthers;
        switch (answers.Place)
        {
            case WorkPlace.Operator:
                pages.Add(new(WithOperator, "Rules_Reason_Operator"));
                break;
            case WorkPlace.Home:
                pages.Add(new(AtHome, "Rules_Reason_Home"));
                if (withOthers)
                {
                    pages.Add(new(WithOperator, "Rules_Reason_HomeWithOthers"));
                }

                break;
            case WorkPlace.Escort:
                pages.Add(new(EscortAndOnline, "Rules_Reason_Escort"));
                if (withOthers)
                {
                    pages.Add(new(WithOperator, "Rules_Reason_EscortWithOthers"));
                }

                break;
            case WorkPlace.Online:
                pages.Add(new(EscortAndOnline, "Rules_Reason_Online"));
                break;
            default:
                pages.Add(new(WithOperator, "Rules_Reason_NotSureOperator"));
                pages.Add(new(AtHome, "Rules_Reason_NotSureHome"));
                pages.Add(new(EscortAndOnline, "Rules_Reason_NotSureEscort"));
                break;
        }

        pages.Add(new(NewLaw, answers.Age == AgeGroup.From18To20 ? "Rules_Reason_NewLawAge"
            : answers.Place == WorkPlace.Home ? "Rules_Reason_NewLawHome"
            : "Rules_Reason_NewLaw"));

        if (answers.Change is ChangeWish.Yes or ChangeWish.Maybe)
        {
            topics.Add(new("topic-exit", "Rules_Topic_Exit"));
            topics.Add(new("topic-work", "Rules_Topic_Work"));
        }

        topics.Add(new("topic-rules", "Rules_Topic_Rules"));
        if (answers.Place is WorkPlace.Escort or WorkPlace.Online)
        {
            topics.Add(new("topic-safety", "Rules_Topic_Safety"));
        }

        topics.Add(new("topic-health", "Rules_Topic_Health"));
        return new Advice(pages, topics, TooYoung: false);
    }
}
