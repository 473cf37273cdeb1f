using Baken.Features.Agenda;
using Baken.Features.Journal;
using Baken.Features.Plan;
using Baken.Features.Referrals;
using Baken.Features.ServiceDirectory;
using Baken.Features.Trajectories;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Clients;

/// <summary>The trajectories and what hangs on them: history, journal, plan, referrals, agenda (one query per table).</summary>
public sealed partial class ClientExporter
{
    private async Task<List<ClientExport.TrajectoryLine>> TrajectoriesAsync(Guid clientId, Guid userId, StaffDirectory staff, CancellationToken cancellationToken)
    {
        var rows = await db.Set<Trajectory>().AsNoTracking().Where(t => t.ClientId == clientId).OrderBy(t => t.CreatedAtUtc)
            .Select(t => new
            {
                Trajectory = t,
                Organisation = db.Organisations.Where(o => o.Id == t.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                Referring = db.Organisations.Where(o => o.Id == t.ReferringOrganisationId).Select(o => o.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var history = await HistoryAsync(clientId, staff, cancellationToken);
        var (entries, hidden) = await JournalAsync(clientId, userId, [.. rows.Select(r => r.Trajectory.Id)], staff, cancellationToken);
        var goals = await GoalsAsync(clientId, cancellationToken);
        var assessments = await AssessmentsAsync(clientId, staff, cancellationToken);
        var referrals = await ReferralsAsync(clientId, staff, cancellationToken);
        var (appointments, tasks) = await AgendaAsync(clientId, staff, cancellationToken);

        var lines = new List<ClientExport.TrajectoryLine>(rows.Count);
        foreach (var row in rows)
        {
            var t = row.Trajectory;
            lines.Add(new ClientExport.TrajectoryLine(
                t.Id, t.Type, t.State, row.Organisation, t.CreatedAtUtc, t.ClosedAtUtc, t.Outcome,
                await crypto.DecryptAsync(clientId, Trajectory.Table, nameof(Trajectory.Evaluation), t.Id, t.Evaluation, cancellationToken),
                await trajectories.ReadIntakeAsync(t, cancellationToken),
                row.Referring,
                [.. history[t.Id]], [.. entries[t.Id]], hidden.GetValueOrDefault(t.Id), [.. goals[t.Id]], [.. assessments[t.Id]],
                [.. referrals[t.Id]], [.. appointments[t.Id]], [.. tasks[t.Id]]));
        }

        return lines;
    }

    private async Task<ILookup<Guid, ClientExport.TransitionLine>> HistoryAsync(Guid clientId, StaffDirectory staff, CancellationToken cancellationToken)
    {
        var rows = await db.Set<TrajectoryTransition>().AsNoTracking().Where(t => t.ClientId == clientId).OrderBy(t => t.AtUtc).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.TrajectoryId, t.AtUtc, t.From, t.To, t.Outcome, t.Note, t.ByUserId })
            .ToListAsync(cancellationToken);
        var lines = new List<(Guid, ClientExport.TransitionLine)>(rows.Count);
        foreach (var t in rows)
        {
            var note = await crypto.DecryptAsync(clientId, TrajectoryTransition.Table, nameof(TrajectoryTransition.Note), t.Id, t.Note, cancellationToken);
            lines.Add((t.TrajectoryId, new ClientExport.TransitionLine(t.AtUtc, t.From, t.To, t.Outcome, note, staff.Line(t.ByUserId, t.TrajectoryId))));
        }

        return lines.ToLookup(l => l.Item1, l => l.Item2);
    }

    /// <summary>
    /// The journal entries this user may read (the journal's own rule, for all trajectories in one query), with
    /// their earlier versions; and per trajectory how many entries that rule keeps from them.
    /// </summary>
    private async Task<(ILookup<Guid, ClientExport.JournalLine> Entries, Dictionary<Guid, int> Hidden)> JournalAsync(
        Guid clientId, Guid userId, List<Guid> trajectoryIds, StaffDirectory staff, CancellationToken cancellationToken)
    {
        var readable = trajectoryIds.Select(id => journal.Readable(id, userId)).Aggregate(
            db.Set<JournalEntry>().Where(_ => false), (all, one) => all.Concat(one));
        var rows = await readable.AsNoTracking()
            .Select(e => new { e.Id, e.TrajectoryId, e.OccurredAtUtc, e.Kind, e.AuthorUserId, e.Visibility, e.Text, e.EditedAtUtc })
            .OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        var shown = rows.Select(r => r.Id).ToList();
        var versions = await db.Set<JournalEntryVersion>().AsNoTracking().Where(v => v.ClientId == clientId && shown.Contains(v.EntryId))
            .OrderBy(v => v.Version)
            .Select(v => new { v.Id, v.EntryId, v.Version, v.OccurredAtUtc, v.Kind, v.Text, v.ReplacedAtUtc })
            .ToListAsync(cancellationToken);
        var totals = await db.Set<JournalEntry>().Where(e => e.ClientId == clientId).GroupBy(e => e.TrajectoryId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var earlier = new List<(Guid, ClientExport.JournalVersionLine)>(versions.Count);
        foreach (var v in versions)
        {
            var text = await crypto.DecryptAsync(clientId, JournalEntryVersion.Table, nameof(JournalEntryVersion.Text), v.Id, v.Text, cancellationToken) ?? string.Empty;
            earlier.Add((v.EntryId, new ClientExport.JournalVersionLine(v.Version, v.OccurredAtUtc, v.Kind, text, v.ReplacedAtUtc)));
        }

        var versionsByEntry = earlier.ToLookup(v => v.Item1, v => v.Item2);
        var lines = new List<(Guid, ClientExport.JournalLine)>(rows.Count);
        foreach (var e in rows)
        {
            var text = await crypto.DecryptAsync(clientId, JournalEntry.Table, nameof(JournalEntry.Text), e.Id, e.Text, cancellationToken) ?? string.Empty;
            lines.Add((e.TrajectoryId, new ClientExport.JournalLine(
                e.OccurredAtUtc, e.Kind, staff.Line(e.AuthorUserId, e.TrajectoryId), e.Visibility, text, e.EditedAtUtc, [.. versionsByEntry[e.Id]])));
        }

        var entries = lines.ToLookup(l => l.Item1, l => l.Item2);
        var hidden = totals.ToDictionary(t => t.Key, t => t.Count - entries[t.Key].Count());
        return (entries, hidden);
    }

    private async Task<ILookup<Guid, ClientExport.GoalLine>> GoalsAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var goals = await db.Set<Goal>().AsNoTracking().Where(g => g.ClientId == clientId)
            .Join(db.Set<LifeDomain>(), g => g.DomainId, d => d.Id, (g, d) => new
            {
                g.Id,
                g.TrajectoryId,
                Domain = d.Name,
                d.SortOrder,
                g.Text,
                g.Status,
                g.OwnerRole,
                g.TargetDate,
                g.CreatedAtUtc,
            })
            .OrderBy(g => g.SortOrder).ThenBy(g => g.CreatedAtUtc)
            .ToListAsync(cancellationToken);
        var actions = await db.Set<GoalAction>().AsNoTracking().Where(a => a.ClientId == clientId).OrderBy(a => a.CreatedAtUtc)
            .Select(a => new { a.Id, a.GoalId, a.Text, a.DueDate, a.DoneAtUtc })
            .ToListAsync(cancellationToken);

        var actionLines = new List<(Guid, ClientExport.GoalActionLine)>(actions.Count);
        foreach (var a in actions)
        {
            var text = await crypto.DecryptAsync(clientId, GoalAction.Table, nameof(GoalAction.Text), a.Id, a.Text, cancellationToken) ?? string.Empty;
            actionLines.Add((a.GoalId, new ClientExport.GoalActionLine(text, a.DueDate, a.DoneAtUtc)));
        }

        var actionsByGoal = actionLines.ToLookup(a => a.Item1, a => a.Item2);
        var lines = new List<(Guid, ClientExport.GoalLine)>(goals.Count);
        foreach (var g in goals)
        {
            var text = await crypto.DecryptAsync(clientId, Goal.Table, nameof(Goal.Text), g.Id, g.Text, cancellationToken) ?? string.Empty;
            lines.Add((g.TrajectoryId, new ClientExport.GoalLine(g.Domain, text, g.Status, g.OwnerRole, g.TargetDate, g.CreatedAtUtc, [.. actionsByGoal[g.Id]])));
        }

        return lines.ToLookup(l => l.Item1, l => l.Item2);
    }

    private async Task<ILookup<Guid, ClientExport.AssessmentLine>> AssessmentsAsync(Guid clientId, StaffDirectory staff, CancellationToken cancellationToken)
    {
        var rows = await db.Set<Assessment>().AsNoTracking().Where(a => a.ClientId == clientId).OrderBy(a => a.AssessedOn).ThenBy(a => a.CreatedAtUtc)
            .Select(a => new { a.Id, a.TrajectoryId, a.AssessedOn, a.WithClient, a.ByUserId, a.Scores, a.ClientScores, a.Note })
            .ToListAsync(cancellationToken);
        var domains = await db.Set<LifeDomain>().AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken);

        var lines = new List<(Guid, ClientExport.AssessmentLine)>(rows.Count);
        foreach (var a in rows)
        {
            async Task<string?> Field(string column, byte[]? value) =>
                await crypto.DecryptAsync(clientId, Assessment.Table, column, a.Id, value, cancellationToken);

            var team = Scores.Parse(await Field(nameof(Assessment.Scores), a.Scores));
            var own = Scores.Parse(await Field(nameof(Assessment.ClientScores), a.ClientScores));
            var scores = domains.Where(d => team.ContainsKey(d.Id) || own.ContainsKey(d.Id))
                .Select(d => new ClientExport.ScoreLine(d.Name, team.TryGetValue(d.Id, out var s) ? s : null, own.TryGetValue(d.Id, out var c) ? c : null))
                .ToList();
            lines.Add((a.TrajectoryId, new ClientExport.AssessmentLine(
                a.AssessedOn, a.WithClient, staff.Line(a.ByUserId, a.TrajectoryId), scores, await Field(nameof(Assessment.Note), a.Note))));
        }

        return lines.ToLookup(l => l.Item1, l => l.Item2);
    }

    private async Task<ILookup<Guid, ClientExport.ReferralLine>> ReferralsAsync(Guid clientId, StaffDirectory staff, CancellationToken cancellationToken)
    {
        var rows = await (
            from r in db.Set<Referral>().AsNoTracking()
            where r.ClientId == clientId
            join s in db.Set<DirectoryService>() on r.ServiceId equals s.Id
            join o in db.Set<DirectoryOrganization>() on s.OrganizationId equals o.Id
            orderby r.SentAtUtc, r.Id
            select new { r.Id, r.TrajectoryId, r.SentAtUtc, Organisation = o.Name, Service = s.Name, r.RecipientType, r.Status, r.Shared, r.Letter, r.ByUserId })
            .ToListAsync(cancellationToken);
        var changes = await db.Set<ReferralStatusChange>().AsNoTracking().Where(c => c.ClientId == clientId).OrderBy(c => c.AtUtc).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.ReferralId, c.To, c.On, c.AtUtc, c.Feedback })
            .ToListAsync(cancellationToken);

        var history = new List<(Guid, ClientExport.ReferralStatusLine)>(changes.Count);
        foreach (var c in changes)
        {
            var feedback = await crypto.DecryptAsync(clientId, ReferralStatusChange.Table, nameof(ReferralStatusChange.Feedback), c.Id, c.Feedback, cancellationToken);
            history.Add((c.ReferralId, new ClientExport.ReferralStatusLine(c.To, c.On, c.AtUtc, feedback)));
        }

        var historyByReferral = history.ToLookup(h => h.Item1, h => h.Item2);
        var lines = new List<(Guid, ClientExport.ReferralLine)>(rows.Count);
        foreach (var r in rows)
        {
            var letter = await crypto.DecryptAsync(clientId, Referral.Table, nameof(Referral.Letter), r.Id, r.Letter, cancellationToken) ?? string.Empty;
            lines.Add((r.TrajectoryId, new ClientExport.ReferralLine(
                r.SentAtUtc, r.Organisation, r.Service, r.RecipientType, r.Status, r.Shared, letter, staff.Line(r.ByUserId, r.TrajectoryId), [.. historyByReferral[r.Id]])));
        }

        return lines.ToLookup(l => l.Item1, l => l.Item2);
    }

    private async Task<(ILookup<Guid, ClientExport.AppointmentLine>, ILookup<Guid, ClientExport.TaskLine>)> AgendaAsync(
        Guid clientId, StaffDirectory staff, CancellationToken cancellationToken)
    {
        var appointments = await db.Set<Appointment>().AsNoTracking().Where(a => a.ClientId == clientId).OrderBy(a => a.StartsAtUtc)
            .Select(a => new { a.Id, a.TrajectoryId, a.StartsAtUtc, a.WithUserId, a.Description, a.CancelledAtUtc })
            .ToListAsync(cancellationToken);
        var tasks = await db.Set<FollowUpTask>().AsNoTracking().Where(t => t.ClientId == clientId).OrderBy(t => t.DueDate).ThenBy(t => t.CreatedAtUtc)
            .Select(t => new { t.Id, t.TrajectoryId, t.Text, t.OwnerUserId, t.DueDate, t.DoneAtUtc })
            .ToListAsync(cancellationToken);

        var appointmentLines = new List<(Guid, ClientExport.AppointmentLine)>(appointments.Count);
        foreach (var a in appointments)
        {
            var description = await crypto.DecryptAsync(clientId, Appointment.Table, nameof(Appointment.Description), a.Id, a.Description, cancellationToken);
            appointmentLines.Add((a.TrajectoryId, new ClientExport.AppointmentLine(a.StartsAtUtc, staff.Line(a.WithUserId, a.TrajectoryId), description, a.CancelledAtUtc)));
        }

        var taskLines = new List<(Guid, ClientExport.TaskLine)>(tasks.Count);
        foreach (var t in tasks)
        {
            var text = await crypto.DecryptAsync(clientId, FollowUpTask.Table, nameof(FollowUpTask.Text), t.Id, t.Text, cancellationToken) ?? string.Empty;
            taskLines.Add((t.TrajectoryId, new ClientExport.TaskLine(text, staff.Line(t.OwnerUserId, t.TrajectoryId), t.DueDate, t.DoneAtUtc)));
        }

        return (appointmentLines.ToLookup(l => l.Item1, l => l.Item2), taskLines.ToLookup(l => l.Item1, l => l.Item2));
    }
}
