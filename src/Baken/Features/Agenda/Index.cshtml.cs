using Baken.Features.Clients;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Data;
using Baken.Infrastructure.ProcessingLog;
using Baken.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Agenda;

/// <summary>
/// Appointments and tasks of a trajectory: the next appointments, open tasks with their owner and due date
/// (overdue ones stand out), adding both, and marking a task done or cancelling an appointment.
/// </summary>
[Authorize(Roles = ClientAccess.ClientRoles)]
public sealed class IndexModel(
    BakenDbContext db,
    TrajectoryAccess access,
    TrajectoryRecords trajectories,
    ClientCrypto crypto,
    ClientRecords clients,
    ProcessingLogWriter processingLog,
    TimeProvider timeProvider,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record AppointmentRow(Guid Id, DateTime StartsAtUtc, string With, string? Description, bool Cancelled);

    public sealed record TaskRow(Guid Id, string Text, string Owner, DateOnly DueDate, DateTime? DoneAtUtc);

    [BindProperty]
    public string? AppointmentAt { get; set; }

    [BindProperty]
    public Guid? AppointmentWith { get; set; }

    [BindProperty]
    public string? AppointmentDescription { get; set; }

    [BindProperty]
    public string? TaskText { get; set; }

    [BindProperty]
    public Guid? TaskOwner { get; set; }

    [BindProperty]
    public DateOnly? TaskDue { get; set; }

    public Guid TrajectoryId { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public bool Open { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<AppointmentRow> Upcoming { get; private set; } = [];

    public IReadOnlyList<AppointmentRow> Past { get; private set; } = [];

    public IReadOnlyList<TaskRow> Tasks { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Team { get; private set; } = [];

    private DateTime Now => timeProvider.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        processingLog.Record(ProcessingActivities.CaseManagement, "AgendaViewed", found.Client.Id);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAppointmentAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var startsAt = DisplayTime.ParseLocalInput(AppointmentAt);
        if (startsAt is null)
        {
            ModelState.AddModelError(nameof(AppointmentAt), t["Agenda_WhenRequired"]);
        }
        else if (startsAt < Now.AddDays(-1))
        {
            ModelState.AddModelError(nameof(AppointmentAt), t["Agenda_WhenInPast"]);
        }

        ValidateTeamMember(AppointmentWith, nameof(AppointmentWith));
        if ((AppointmentDescription?.Length ?? 0) > 500)
        {
            ModelState.AddModelError(nameof(AppointmentDescription), t["Field_TooLong", 500]);
        }

        if (!CanChange(found) || !ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }

        var appointmentId = Guid.CreateVersion7();
        db.Add(new Appointment
        {
            Id = appointmentId,
            TrajectoryId = id,
            ClientId = found.Client.Id,
            StartsAtUtc = startsAt!.Value,
            WithUserId = AppointmentWith!.Value,
            Description = await crypto.EncryptAsync(found.Client.Id, Appointment.Table, nameof(Appointment.Description), appointmentId,
                string.IsNullOrWhiteSpace(AppointmentDescription) ? null : AppointmentDescription.Trim(), cancellationToken),
        });
        return await SaveAsync(found, "AppointmentPlanned", id, cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, Guid appointmentId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var appointment = await db.Set<Appointment>().FirstOrDefaultAsync(a => a.Id == appointmentId && a.TrajectoryId == id, cancellationToken);
        if (appointment is null)
        {
            return NotFound();
        }

        if (!CanChange(found))
        {
            return await ShowAsync(cancellationToken);
        }

        appointment.CancelledAtUtc ??= Now;
        return await SaveAsync(found, "AppointmentCancelled", id, cancellationToken);
    }

    public async Task<IActionResult> OnPostTaskAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(TaskText) || TaskText.Trim().Length < 3)
        {
            ModelState.AddModelError(nameof(TaskText), t["Agenda_TaskTextRequired"]);
        }
        else if (TaskText.Length > 500)
        {
            ModelState.AddModelError(nameof(TaskText), t["Field_TooLong", 500]);
        }

        ValidateTeamMember(TaskOwner, nameof(TaskOwner));
        if (TaskDue is null)
        {
            ModelState.AddModelError(nameof(TaskDue), t["Agenda_DueRequired"]);
        }
        else if (TaskDue < Today)
        {
            ModelState.AddModelError(nameof(TaskDue), t["Agenda_DueInPast"]);
        }

        if (!CanChange(found) || !ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }

        var taskId = Guid.CreateVersion7();
        db.Add(new FollowUpTask
        {
            Id = taskId,
            TrajectoryId = id,
            ClientId = found.Client.Id,
            Text = (await crypto.EncryptAsync(found.Client.Id, FollowUpTask.Table, nameof(FollowUpTask.Text), taskId, TaskText!.Trim(), cancellationToken))!,
            OwnerUserId = TaskOwner!.Value,
            DueDate = TaskDue!.Value,
            CreatedAtUtc = Now,
        });
        return await SaveAsync(found, "TaskAdded", id, cancellationToken);
    }

    public async Task<IActionResult> OnPostDoneAsync(Guid id, Guid taskId, bool done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var task = await db.Set<FollowUpTask>().FirstOrDefaultAsync(x => x.Id == taskId && x.TrajectoryId == id, cancellationToken);
        if (task is null)
        {
            return NotFound();
        }

        if (!CanChange(found))
        {
            return await ShowAsync(cancellationToken);
        }

        task.DoneAtUtc = done ? Now : null;
        return await SaveAsync(found, done ? "TaskDone" : "TaskReopened", id, cancellationToken);
    }

    /// <summary>Shows the page again after a refusal; the read it amounts to is logged (see <see cref="LoadAsync"/>).</summary>
    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    private bool CanChange((Trajectory Trajectory, Client Client) found)
    {
        var refusal = found.Client.RestrictedAtUtc is not null ? "Restrict_NoChanges" : !found.Trajectory.IsOpen ? "Trajectory_ClosedReadOnly" : null;
        if (refusal is not null)
        {
            ModelState.AddModelError(string.Empty, t[refusal]);
        }

        return refusal is null;
    }

    private void ValidateTeamMember(Guid? userId, string field)
    {
        if (userId is null || Team.All(m => m.Value != userId.ToString()))
        {
            ModelState.AddModelError(field, t["Agenda_ChooseTeamMember"]);
        }
    }

    private async Task<IActionResult> SaveAsync((Trajectory Trajectory, Client Client) found, string action, Guid id, CancellationToken cancellationToken)
    {
        trajectories.GuardUnchanged(found.Trajectory);
        clients.MarkActive(found.Client);
        processingLog.Record(ProcessingActivities.CaseManagement, action, found.Client.Id);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/Trajectories/{id}/Agenda");
    }

    private async Task<(Trajectory Trajectory, Client Client)?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(User, id, cancellationToken) is not { } found)
        {
            return null;
        }

        var clientId = found.Client.Id;
        TrajectoryId = id;
        Code = found.Client.Code;
        Open = found.Trajectory.IsOpen;
        Today = DisplayTime.LocalDate(Now);
        Team = await trajectories.CurrentTeam(id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName })
            .Distinct()
            .OrderBy(u => u.DisplayName)
            .Select(u => new SelectListItem(u.DisplayName, u.Id.ToString()))
            .ToListAsync(cancellationToken);
        foreach (var item in Team)
        {
            item.Value = Guid.Parse(item.Value).ToString();
        }

        var appointments = await db.Set<Appointment>().AsNoTracking()
            .Where(a => a.TrajectoryId == id)
            .OrderBy(a => a.StartsAtUtc)
            .Join(db.Users, a => a.WithUserId, u => u.Id, (a, u) => new { a.Id, a.StartsAtUtc, u.DisplayName, a.Description, a.CancelledAtUtc })
            .ToListAsync(cancellationToken);
        var rows = new List<AppointmentRow>();
        foreach (var a in appointments)
        {
            rows.Add(new AppointmentRow(a.Id, a.StartsAtUtc, a.DisplayName,
                await crypto.DecryptAsync(clientId, Appointment.Table, nameof(Appointment.Description), a.Id, a.Description, cancellationToken), a.CancelledAtUtc is not null));
        }

        var now = Now;
        Upcoming = [.. rows.Where(r => r.StartsAtUtc >= now)];
        Past = [.. rows.Where(r => r.StartsAtUtc < now).OrderByDescending(r => r.StartsAtUtc).Take(10)];
        var tasks = await db.Set<FollowUpTask>().AsNoTracking()
            .Where(x => x.TrajectoryId == id)
            .OrderBy(x => x.DoneAtUtc != null).ThenBy(x => x.DueDate)
            .Join(db.Users, x => x.OwnerUserId, u => u.Id, (x, u) => new { x.Id, x.Text, u.DisplayName, x.DueDate, x.DoneAtUtc })
            .ToListAsync(cancellationToken);
        var taskRows = new List<TaskRow>();
        foreach (var x in tasks)
        {
            taskRows.Add(new TaskRow(x.Id,
                await crypto.DecryptAsync(clientId, FollowUpTask.Table, nameof(FollowUpTask.Text), x.Id, x.Text, cancellationToken) ?? string.Empty,
                x.DisplayName, x.DueDate, x.DoneAtUtc));
        }

        Tasks = taskRows;
        if (HttpMethods.IsPost(Request.Method))
        {
            // A post that ends on the page again (a refusal) shows the same data as a read: log it as one.
            processingLog.Record(ProcessingActivities.CaseManagement, "AgendaViewed", clientId);
        }

        return found;
    }
}
