using Baken.Features.Outreach;
using Baken.Features.Reporting.Facts;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Reporting.Figures;

/// <summary>
/// The outreach figures, from the sessions and the monthly contact tallies (ADR 14: they hold nothing that names a
/// person and stay after a client's erasure). Sessions and topics are not about people and are shown as counted;
/// contacts are, and are protected. Contacts are tallies, not people: one person met twice counts twice.
/// </summary>
public sealed class OutreachFigures(BakenDbContext db, FigureText text)
{
    public async Task<Report> ReportAsync(ReportScope scope, int chartPeriods, CancellationToken cancellationToken)
    {
        var sessions = await Sessions(scope.Period, scope.OrganisationId)
            .GroupBy(s => new { s.Mode, s.Topics })
            .Select(g => new { g.Key.Mode, g.Key.Topics, Count = g.Count(), Referrals = g.Sum(s => s.ReferralsMade) })
            .ToListAsync(cancellationToken);
        var contacts = await Tallies(scope.Period, scope.OrganisationId)
            .GroupBy(t => new { t.Gender, t.AgeBand, t.IsNew })
            .Select(g => new { g.Key.Gender, g.Key.AgeBand, g.Key.IsNew, Count = g.Sum(t => t.Count) })
            .ToListAsync(cancellationToken);

        var modes = Enum.GetValues<OutreachMode>();
        var modeCells = new int[modes.Length, 2];
        foreach (var group in sessions)
        {
            var row = Array.IndexOf(modes, group.Mode);
            modeCells[row, 0] += group.Count;
            modeCells[row, 1] += group.Referrals;
        }

        var topics = Enum.GetValues<OutreachTopics>().Where(t => t != OutreachTopics.None).ToArray();
        var topicCells = TableBuilder.Column([.. topics.Select(t => sessions.Where(s => s.Topics.HasFlag(t)).Sum(s => s.Count))]);

        string[] newOrKnown = [text["Reporting_ContactNew"], text["Reporting_ContactKnown"]];
        var genders = Enum.GetValues<GenderIdentity>();
        var byGender = new int[genders.Length + 1, 2];
        var ages = Enum.GetValues<AgeBand>();
        var byAge = new int[ages.Length, 2];
        foreach (var group in contacts)
        {
            var column = group.IsNew ? 0 : 1;
            var gender = Array.IndexOf(genders, (GenderIdentity)group.Gender);
            byGender[gender < 0 ? genders.Length : gender, column] += group.Count;
            byAge[Array.IndexOf(ages, group.AgeBand), column] += group.Count;
        }

        var tables = new List<PublishedTable>
        {
            TableBuilder.Plain(text.Labels("outreach-sessions", "Reporting_Outreach_Sessions", "Reporting_Outreach_SessionsHelp", "Reporting_Mode"),
                [.. modes.Select(text.Of)], [text["Reporting_Sessions"], text["Reporting_ReferralsMade"]], modeCells),
            TableBuilder.Protected(text.Labels("outreach-contacts-gender", "Reporting_Outreach_ContactsByGender", "Reporting_Outreach_ContactsHelp", "Reporting_Gender"),
                [.. genders.Select(text.Of), text["Reporting_Unknown"]], newOrKnown, byGender, scope.Rules),
            TableBuilder.Protected(text.Labels("outreach-contacts-age", "Reporting_Outreach_ContactsByAge", "Reporting_Outreach_ContactsHelp", "Reporting_AgeBand"),
                [.. ages.Select(a => a == AgeBand.Unknown ? text["Reporting_Unknown"] : text.Of(a))], newOrKnown, byAge, scope.Rules),
            TableBuilder.Plain(text.Labels("outreach-topics", "Reporting_Outreach_Topics", "Reporting_Outreach_TopicsHelp", "Reporting_Topic"),
                [.. topics.Select(t => text[$"OutreachTopic_{t}"])], [text["Reporting_Sessions"]], topicCells),
        };

        var series = new List<SeriesPoint>();
        var period = scope.Period;
        for (var i = 0; i < chartPeriods; i++, period = period.Previous())
        {
            series.Insert(0, new SeriesPoint(period.ToString(), PublishedValue.Count(await Sessions(period, scope.OrganisationId).CountAsync(cancellationToken))));
        }

        return new Report(ReportTableKind.Outreach, text["Reporting_Outreach_Title"], text["Reporting_Outreach_Intro"], text["Reporting_Outreach_Chart"], series, tables);
    }

    private IQueryable<OutreachSession> Sessions(ReportPeriod period, Guid? organisationId)
    {
        var (from, to) = (DisplayTime.StartOfLocalDayUtc(period.Start), DisplayTime.StartOfLocalDayUtc(period.End));
        var sessions = db.Set<OutreachSession>().AsNoTracking().Where(s => s.StartedAtUtc >= from && s.StartedAtUtc < to);
        return organisationId is { } id ? sessions.Where(s => s.OrganisationId == id) : sessions;
    }

    /// <summary>The contact tallies of the period's months (periods are whole months).</summary>
    private IQueryable<OutreachTally> Tallies(ReportPeriod period, Guid? organisationId)
    {
        var (from, to) = (period.Start, period.End);
        var tallies = db.Set<OutreachTally>().AsNoTracking().Where(t => t.Month >= from && t.Month < to);
        return organisationId is { } id ? tallies.Where(t => t.OrganisationId == id) : tallies;
    }
}
