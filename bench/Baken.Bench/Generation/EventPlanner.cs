using System.Globalization;
using Baken.Features.Admin;
using Baken.Features.Clients;
using Baken.Features.Intake;
using Baken.Features.Referrals;
using Baken.Features.Signals;
using Baken.Features.Trajectories;
using Baken.Infrastructure.Web;

namespace Baken.Bench.Generation;

/// <summary>
/// Plans what happens around the histories: referrals in, referrals out, signals. It draws from its own random
/// sequence (derived from the seed), so the histories <see cref="HistoryPlanner"/> draws stay the same.
/// <list type="bullet">
/// <item>Referrals in: a client whose first trajectory came from the police, public health, the trafficking centre
/// or a regional organisation mostly arrived through that partner's request in the intake queue, taken on by the
/// case manager; a quarter of all requests are not taken on (<see cref="PlanDeclined"/>).</item>
/// <item>Referrals out: 0–3 per active trajectory (binomial around <see cref="Scale.ReferralsPerTrajectory"/>), to a
/// partner that fits the intake (housing need, migration situation, victim status). The client's consent for a
/// partner not referred to before is recorded at the trajectory's start, in the intake conversation. Most
/// referrals are answered within weeks; for a quarter no answer is ever recorded.</item>
/// <item>Signals (<see cref="PlanSignals"/>): most raised by outreach workers, the rest by case managers, a quarter
/// of all about one of the case manager's own clients; nearly all triaged, within hours for the urgent ones and
/// days for the rest, some assigned, some handed over to the police, the trafficking centre, public health or
/// the support point after a second colleague approves, most closed within weeks.</item>
/// </list>
/// </summary>
public sealed class EventPlanner(Scale scale, IReadOnlyList<Region> regions, PartnerNetwork partners, DateTime nowUtc, int seed)
{
    private const double LinkedShare = 0.25;
    private const double AcceptedShare = 0.75;
    private static readonly ReferralRoute[] PartnerRoutes = [ReferralRoute.Police, ReferralRoute.PublicHealthService, ReferralRoute.TraffickingCentre, ReferralRoute.RegionalOrganisation];
    private static readonly string[] Aliases = ["Jade", "Nina", "Vera", "Irina", "Dana", "Lea", "Zoë", "Maja", "Tess", "Kim"];

    private static readonly Dictionary<string, string[]> Reasons = new()
    {
        [PartnerNetwork.Police] = ["Aangetroffen bij een controle; wil praten over stoppen.", "Na een aangifte: zoekt hulp bij een nieuw begin.", "Bij een woninginval aangetroffen, vraagt om opvang en begeleiding."],
        [PartnerNetwork.Trafficking] = ["Aangemeld als mogelijk slachtoffer; heeft begeleiding nodig in de regio.", "Bedenktijd toegekend, zoekt een traject en woonruimte."],
        [PartnerNetwork.Health] = ["Op het spreekuur verteld dat ze wil stoppen; graag contact.", "Veel stress en schulden; wil hulp bij uitstappen."],
        [PartnerNetwork.Support] = ["Melding huiselijk geweld; de partner dwingt haar tot sekswerk.", "Na het veiligheidsplan: wil hulp bij een uitstaptraject."],
    };

    private static readonly Dictionary<string, string[]> Questions = new()
    {
        [PartnerNetwork.Police] = ["Wil aangifte doen; graag een gesprek met een vrouwelijke rechercheur.", "Vraagt om informatie over aangifte en bescherming."],
        [PartnerNetwork.Trafficking] = ["Graag aanmelding voor opvang en bedenktijd.", "Vraagt om juridische hulp en een veilige plek."],
        [PartnerNetwork.Health] = ["Wil een soa-test, liefst bij een vrouwelijke arts.", "Slaapt slecht en piekert veel; graag een gesprek."],
        [PartnerNetwork.Return] = ["Wil terug naar het land van herkomst; hulp bij reis en eerste opvang daar.", "Vraagt wat er nodig is voor een terugkeer met startbudget."],
        [PartnerNetwork.Support] = ["Voelt zich thuis niet veilig; graag advies en een veiligheidsplan."],
        [PartnerNetwork.Housing] = ["Zoekt een eigen kamer, nu slaapt ze op de werkplek.", "Graag hulp bij een urgentieaanvraag."],
        [PartnerNetwork.Debt] = ["Heeft schulden bij de belastingdienst en de zorgverzekeraar; graag een overzicht.", "Wil een schuldregeling; post blijft liggen."],
        [PartnerNetwork.Work] = ["Wil ander werk; ervaring in de horeca.", "Wil een opleiding tot doktersassistent."],
    };

    private static readonly Dictionary<SignalCategory, string[]> Seen = new()
    {
        [SignalCategory.Exploitation] = ["moet een groot deel van haar verdiensten afgeven aan een 'vriend'", "twee vrouwen wonen boven de werkplek en mogen niet alleen naar buiten", "een man praat steeds voor haar en houdt haar paspoort", "werkt elke dag, ook ziek, om een schuld af te lossen"],
        [SignalCategory.MinorOrGrooming] = ["advertentie met foto's van iemand die erg jong lijkt", "meisje van rond de zestien wordt steeds opgehaald door een oudere man", "jongen krijgt dure cadeaus van een man die daarna iets terugvraagt"],
        [SignalCategory.Violence] = ["zichtbare blauwe plekken; ze wil er niet over praten", "een klant heeft haar bedreigd", "vertelt dat haar partner haar slaat als ze te weinig verdient"],
        [SignalCategory.HealthRisk] = ["heeft al maanden geen arts gezien en hoest veel", "werkt zonder condoom op verzoek van de exploitant", "gebruikt veel en eet nauwelijks"],
        [SignalCategory.Other] = ["in een massagesalon werken steeds andere vrouwen", "onduidelijke situatie op een adres met veel bezoekers", "iemand vraagt rond naar een vrouw die niet gevonden wil worden"],
    };

    private static readonly Dictionary<SignalSource, string> Opening = new()
    {
        [SignalSource.Outreach] = "Tijdens de ronde: ",
        [SignalSource.AdReview] = "Bij de advertentiecontrole: ",
        [SignalSource.Partner] = "Gemeld door een partner: ",
        [SignalSource.AnonymousReport] = "Anonieme melding: ",
        [SignalSource.Staff] = "In gesprek met de cliënt: ",
    };

    private static readonly string[] CloseNotes = ["Besproken in het signalenoverleg.", "Geen nieuwe aanwijzingen na een tweede gesprek.", "Persoon niet meer aangetroffen.", "Afgestemd met de partner."];
    private static readonly string[] Declines = ["Woont buiten onze regio; terugverwezen naar de zorgaanbieder daar.", "Al in beeld bij ons team.", "De vraag past beter bij de GGD; doorverwezen.", "Geen contact gekregen na drie pogingen."];

    private readonly Random _random = new(unchecked((seed * 7919) + 104_729));
    private readonly DateTime _historyStart = nowUtc.AddYears(-scale.Years);
    private readonly List<(int Client, Region Region, Guid CaseManager, DateTime At)> _linked = [];
    private int _clients;
    private int _references;

    /// <summary>The history with the referral in it arrived through (if any) and its consents and referrals out added.</summary>
    public ClientHistory Plan(ClientHistory history)
    {
        var number = _clients++;
        var first = history.Trajectories[0];
        var arrivalShare = scale.IntakeRequestsPerClient * AcceptedShare * Enum.GetValues<ReferralRoute>().Length / PartnerRoutes.Length;
        var arrival = first.Intake.ReferralRoute is { } route && PartnerRoutes.Contains(route) && _random.NextDouble() < arrivalShare ? Arrival(history, first) : null;

        var consented = new HashSet<string>(StringComparer.Ordinal);
        var referrals = 0;
        var trajectories = new List<TrajectoryHistory>(history.Trajectories.Count);
        foreach (var trajectory in history.Trajectories)
        {
            trajectories.Add(WithReferrals(history.Level, trajectory, consented, ref referrals));
        }

        if (_random.NextDouble() < scale.SignalsPerClient * LinkedShare)
        {
            var about = history.Trajectories[_random.Next(history.Trajectories.Count)];
            var from = about.StartedAtUtc.AddDays(7);
            var until = End(about).AddDays(-1);
            if (until > from)
            {
                _linked.Add((number, history.Region, history.CaseManager, Between(from, until)));
            }
        }

        return history with { Trajectories = trajectories, Arrival = arrival };
    }

    /// <summary>The signals of the whole run, oldest first: those about clients (planned with their histories) and the rest.</summary>
    public List<SignalPlan> PlanSignals(int clients)
    {
        var plans = _linked.Select(l => Signal(l.Region, infoCentre: false, l.CaseManager, Roles.Casemanager, l.At,
            _random.NextDouble() < 0.8 ? SignalSource.Staff : SignalSource.Partner, l.Client)).ToList();
        var others = (int)Math.Round(clients * scale.SignalsPerClient * (1 - LinkedShare));
        for (var i = 0; i < others; i++)
        {
            var region = Pick(regions);
            var at = Between(_historyStart, nowUtc.AddHours(-1));
            if (_random.NextDouble() < 0.7)
            {
                var roll = _random.NextDouble();
                var source = roll < 0.55 ? SignalSource.Outreach : roll < 0.75 ? SignalSource.AdReview : roll < 0.9 ? SignalSource.AnonymousReport : SignalSource.Partner;
                plans.Add(Signal(region, infoCentre: true, Pick(region.OutreachWorkers), Roles.Veldwerker, at, source, null));
            }
            else
            {
                plans.Add(Signal(region, infoCentre: false, Pick(region.CaseManagers), Roles.Casemanager, at,
                    _random.NextDouble() < 0.6 ? SignalSource.Staff : SignalSource.Partner, null));
            }
        }

        return [.. plans.OrderBy(p => p.RaisedAtUtc)];
    }

    /// <summary>The referrals in that were not taken on (a few still waiting in the queue), oldest first.</summary>
    public List<DeclinedIntake> PlanDeclined(int clients)
    {
        var count = (int)Math.Round(clients * scale.IntakeRequestsPerClient * (1 - AcceptedShare));
        var referring = partners.Referring.ToList();
        var plans = new List<DeclinedIntake>(count);
        for (var i = 0; i < count; i++)
        {
            var region = Pick(regions);
            var partner = Pick(referring);
            var source = Source(partner.Key);
            var channel = _random.NextDouble() < 0.6 ? IntakeContactChannel.ViaReferrer : IntakeContactChannel.Phone;
            var received = Between(_historyStart, nowUtc.AddDays(-1));
            var decided = received.AddHours(_random.Next(4, 240));
            var byLead = _random.NextDouble() < 0.3;
            var open = decided >= nowUtc;
            plans.Add(new DeclinedIntake(
                region.CareProviderId, partner.Key, source, channel, Pick(["nl", "en", "ro", "bg", "pl", "th", "es"]),
                _random.NextDouble() < 0.7 ? $"{Pick(Aliases)} {_random.Next(10, 99)}" : null,
                channel == IntakeContactChannel.Phone ? $"06{_random.Next(10_000_000, 99_999_999)}" : null,
                Pick(Reasons[partner.Key]), Reference(partner.Key, source, received), received,
                open ? null : byLead ? region.TeamLead : Pick(region.CaseManagers),
                open ? null : byLead ? Roles.Teamleider : Roles.Casemanager,
                open ? null : decided,
                open ? null : Pick(Declines)));
        }

        return [.. plans.OrderBy(p => p.ReceivedAtUtc)];
    }

    private IntakeArrival Arrival(ClientHistory history, TrajectoryHistory first)
    {
        var partner = first.Intake.ReferralRoute switch
        {
            ReferralRoute.Police => PartnerNetwork.Police,
            ReferralRoute.PublicHealthService => PartnerNetwork.Health,
            ReferralRoute.TraffickingCentre => PartnerNetwork.Trafficking,
            _ => PartnerNetwork.Support,
        };
        var source = Source(partner);

        // Sent on the referral date, in office hours, and at least a couple of hours before it is taken on.
        var date = first.Intake.ReferralDate ?? DateOnly.FromDateTime(first.StartedAtUtc);
        var received = date.ToDateTime(new TimeOnly(_random.Next(7, 16), _random.Next(0, 60)), DateTimeKind.Utc);
        if (received > first.StartedAtUtc.AddHours(-2))
        {
            received = first.StartedAtUtc.AddHours(-_random.Next(2, 30));
        }

        var channel = history.Level == IdentityLevel.Anonymous ? IntakeContactChannel.ViaReferrer : IntakeContactChannel.Phone;
        var language = first.Intake.Languages is { } code && IntakeRules.Languages.Contains(code) ? code : "nl";
        return new IntakeArrival(partner, source, channel, language, Pick(Reasons[partner]), Reference(partner, source, received), received);
    }

    private IntakeSource Source(string partner) =>
        partner is PartnerNetwork.Police or PartnerNetwork.Trafficking && _random.NextDouble() < 0.5 ? IntakeSource.PartnerSystem : IntakeSource.PartnerForm;

    /// <summary>A partner system always sends its own case number; a person on the form sometimes types one.</summary>
    private string? Reference(string partner, IntakeSource source, DateTime at) =>
        source == IntakeSource.PartnerSystem || _random.NextDouble() < 0.3
            ? string.Create(CultureInfo.InvariantCulture, $"{partner.ToUpperInvariant()[..3]}-{at:yyyy}-{++_references:00000}")
            : null;

    private TrajectoryHistory WithReferrals(IdentityLevel level, TrajectoryHistory trajectory, HashSet<string> consented, ref int number)
    {
        var active = trajectory.Steps.OfType<Transition>().FirstOrDefault(t => t.To == TrajectoryState.Active);
        if (active is null)
        {
            return trajectory;
        }

        var end = End(trajectory);
        var from = active.AtUtc.AddDays(3);
        var until = end.AddDays(-2);
        var count = Enumerable.Range(0, 3).Count(_ => _random.NextDouble() < scale.ReferralsPerTrajectory / 3);
        if (count == 0 || (until - from).TotalDays < 7)
        {
            return trajectory;
        }

        var added = new List<Step>();
        var consents = new List<ConsentRecorded>();
        foreach (var sentAt in Enumerable.Range(0, count).Select(_ => Between(from, until)).Order())
        {
            var key = Recipient(trajectory);
            var partner = partners[key];
            if (consented.Add(key))
            {
                consents.Add(new ConsentRecorded(trajectory.StartedAtUtc.AddMinutes(10 + (consents.Count * 2)), key));
            }

            var referral = number++;
            added.Add(new ReferralSent(sentAt, referral, key, _random.Next(partner.Services.Count), Items(level, partner), Pick(Questions[key])));
            added.AddRange(Answers(referral, sentAt, end));
        }

        return trajectory with { Steps = [.. trajectory.Steps.Concat(added).OrderBy(s => s.AtUtc)], Consents = consents };
    }

    /// <summary>Where a worker refers to, weighted by what the intake says.</summary>
    private string Recipient(TrajectoryHistory trajectory)
    {
        var intake = trajectory.Intake;
        var victim = intake.VictimStatus switch { VictimStatus.Yes => 2.0, VictimStatus.Suspected => 1.0, _ => 0.1 };
        var migrant = intake.MigrationSituation is MigrationSituation.EuCitizen or MigrationSituation.Undocumented or MigrationSituation.AsylumProcedure;
        (string Key, double Weight)[] weights =
        [
            (PartnerNetwork.Health, 3),
            (PartnerNetwork.Debt, 2.5),
            (PartnerNetwork.Housing, intake.HousingNeed ? 4 : 1),
            (PartnerNetwork.Work, trajectory.Type == TrajectoryType.Exit ? 2 : 0.5),
            (PartnerNetwork.Return, migrant ? 1.5 : 0.1),
            (PartnerNetwork.Trafficking, victim),
            (PartnerNetwork.Police, victim / 2),
            (PartnerNetwork.Support, 0.5),
        ];
        var roll = _random.NextDouble() * weights.Sum(w => w.Weight);
        foreach (var (key, weight) in weights)
        {
            roll -= weight;
            if (roll < 0)
            {
                return key;
            }
        }

        return weights[^1].Key;
    }

    /// <summary>The partner type's default set (what the page ticks), now and then with the languages or more for return.</summary>
    private SharedItem Items(IdentityLevel level, Partner partner)
    {
        var defaults = ReferralDefaults.For(partner.Type);
        var offered = ReferralDefaults.Offered(level);
        var items = offered.Where(i => defaults.HasFlag(i)).Aggregate(SharedItem.Question, (all, i) => all | i);
        if (_random.NextDouble() < 0.25)
        {
            items |= SharedItem.Languages;
        }

        if (partner.Key == PartnerNetwork.Housing)
        {
            items |= SharedItem.HousingNeed;
        }

        if (partner.Key == PartnerNetwork.Return && level == IdentityLevel.Identified && _random.NextDouble() < 0.7)
        {
            items |= SharedItem.LegalName | SharedItem.DateOfBirth | SharedItem.MigrationSituation;
        }

        return items;
    }

    /// <summary>
    /// The partner's answers, recorded by the worker a day or two after they came and only while the trajectory
    /// runs: accepted (then often completed), declined with a reason, completed at once, or no answer recorded.
    /// </summary>
    private List<Step> Answers(int number, DateTime sentAt, DateTime end)
    {
        var answers = new List<(ReferralStatus To, DateTime On, string? Feedback)>();
        var roll = _random.NextDouble();
        if (roll < 0.55)
        {
            var accepted = sentAt.AddDays(_random.Next(2, 22));
            answers.Add((ReferralStatus.Accepted, accepted, null));
            if (_random.NextDouble() < 0.55)
            {
                answers.Add((ReferralStatus.Completed, accepted.AddDays(_random.Next(21, 121)), _random.NextDouble() < 0.5 ? "Afgerond; de cliënt is tevreden." : null));
            }
        }
        else if (roll < 0.7)
        {
            answers.Add((ReferralStatus.Declined, sentAt.AddDays(_random.Next(3, 29)), Pick(["Geen plek op dit moment.", "Valt buiten onze doelgroep.", "Cliënt kwam niet op de afspraak."])));
        }
        else if (roll < 0.75)
        {
            answers.Add((ReferralStatus.Completed, sentAt.AddDays(_random.Next(7, 61)), "Eenmalig gesprek gehad."));
        }

        var steps = new List<Step>();
        foreach (var (to, on, feedback) in answers)
        {
            var recorded = on.AddHours(_random.Next(1, 48));
            if (recorded >= end || recorded >= nowUtc)
            {
                break;
            }

            steps.Add(new ReferralMoved(recorded, number, to, DisplayTime.LocalDate(on), feedback));
        }

        return steps;
    }

    private SignalPlan Signal(Region region, bool infoCentre, Guid raiser, string raiserRole, DateTime raisedAt, SignalSource source, int? client)
    {
        var roll = _random.NextDouble();
        var category = roll < 0.35 ? SignalCategory.Exploitation : roll < 0.45 ? SignalCategory.MinorOrGrooming : roll < 0.65 ? SignalCategory.Violence
            : roll < 0.9 ? SignalCategory.HealthRisk : SignalCategory.Other;
        roll = _random.NextDouble();
        var urgency = category == SignalCategory.MinorOrGrooming || roll < 0.15 ? SignalUrgency.Immediate : roll < 0.5 ? SignalUrgency.High : SignalUrgency.Normal;
        var indicators = SignalDefaults.Indicators.OrderBy(_ => _random.Next()).Take(_random.Next(0, category == SignalCategory.Exploitation ? 5 : 3)).Select(i => i.Id).ToList();
        var description = Opening[source] + Pick(Seen[category]) + ".";

        // Who may act: the organisation's care coordinators (and, at the care provider, the team lead); an assignee
        // handles the signal after that.
        List<(Guid Id, string Role)> managers = infoCentre
            ? [.. region.SignalCoordinators!.Select(c => (c, Roles.Zorgcoordinator))]
            : [.. region.Specialists[TeamRole.Zorgcoordinator].Select(c => (c, Roles.Zorgcoordinator)), (region.TeamLead, Roles.Teamleider)];
        var steps = new List<SignalStep>();
        var at = raisedAt;
        var handler = Pick(managers);
        var triaged = _random.NextDouble() < 0.93;
        var handedOver = false;
        if (triaged)
        {
            var (low, high) = urgency switch { SignalUrgency.Immediate => (0.5, 20.0), SignalUrgency.High => (2.0, 72.0), _ => (6.0, 240.0) };
            at = at.AddHours(Math.Exp(Math.Log(low) + (_random.NextDouble() * (Math.Log(high) - Math.Log(low)))));
            var inProgress = _random.NextDouble() < 0.15;
            steps.Add(new SignalStatusSet(at, handler.Id, handler.Role, inProgress ? SignalStatus.InProgress : SignalStatus.InTriage));
            if (_random.NextDouble() < 0.5)
            {
                at = at.AddHours(_random.Next(1, 48));
                var assignee = _random.NextDouble() < 0.5 ? (raiser, raiserRole) : Pick(managers);
                steps.Add(new SignalAssigned(at, handler.Id, handler.Role, assignee.Item1));
                handler = assignee;
            }

            if (!inProgress && _random.NextDouble() < 0.7)
            {
                at = at.AddHours(_random.Next(1, 120));
                steps.Add(new SignalStatusSet(at, handler.Id, handler.Role, SignalStatus.InProgress));
            }

            var handoverShare = category switch
            {
                SignalCategory.Exploitation => 0.3,
                SignalCategory.MinorOrGrooming => 0.35,
                SignalCategory.Violence => 0.15,
                SignalCategory.HealthRisk => 0.1,
                _ => 0.03,
            };
            if (_random.NextDouble() < handoverShare)
            {
                var partner = category switch
                {
                    SignalCategory.HealthRisk => PartnerNetwork.Health,
                    SignalCategory.MinorOrGrooming => PartnerNetwork.Police,
                    SignalCategory.Violence => _random.NextDouble() < 0.6 ? PartnerNetwork.Police : PartnerNetwork.Support,
                    SignalCategory.Exploitation => _random.NextDouble() < 0.55 ? PartnerNetwork.Police : PartnerNetwork.Trafficking,
                    _ => PartnerNetwork.Trafficking,
                };
                var items = HandoverModel.DefaultItems;
                if (_random.NextDouble() < 0.4)
                {
                    items |= HandoverItems.Description;
                }

                if (client is not null && handler.Id == raiser && _random.NextDouble() < 0.5)
                {
                    items |= HandoverItems.ClientCode;
                }

                at = at.AddHours(_random.Next(2, 96));
                steps.Add(new SignalHandoverAsked(at, handler.Id, handler.Role, partner, items, _random.NextDouble() < 0.3 ? "Graag contact met de coördinator mensenhandel." : null));
                var approver = Pick([.. managers.Where(m => m.Id != handler.Id)]);
                at = at.AddHours(_random.Next(1, 72));
                handedOver = _random.NextDouble() < 0.9;
                steps.Add(new SignalHandoverDecided(at, approver.Id, approver.Role, handedOver, handedOver ? null : "Eerst meer informatie verzamelen."));
            }
        }

        if (triaged ? _random.NextDouble() < 0.9 : raisedAt < nowUtc.AddDays(-30) && _random.NextDouble() < 0.8)
        {
            roll = _random.NextDouble();
            var reason = handedOver ? SignalCloseReason.HandedOverAndDone
                : !triaged ? (roll < 0.4 ? SignalCloseReason.Duplicate : SignalCloseReason.NoGrounds)
                : roll < 0.45 ? SignalCloseReason.Resolved : roll < 0.75 ? SignalCloseReason.NoGrounds : roll < 0.9 ? SignalCloseReason.OutOfReach
                : roll < 0.95 ? SignalCloseReason.Duplicate : SignalCloseReason.Other;
            at = at.AddDays(_random.Next(3, 70)).AddHours(_random.Next(0, 8));
            steps.Add(new SignalClosed(at, handler.Id, handler.Role, reason, _random.NextDouble() < 0.4 ? Pick(CloseNotes) : null));
        }

        // What would happen after now has not happened yet: the signal is as far as it got.
        var done = steps.TakeWhile(s => s.AtUtc < nowUtc).ToList();
        return new SignalPlan(infoCentre ? region.InfoCentreId : region.CareProviderId, raiser, raiserRole, raisedAt, source, category, urgency,
            indicators, description, client, done);
    }

    private DateTime End(TrajectoryHistory trajectory) =>
        trajectory.Steps.OfType<Transition>().FirstOrDefault(t => t.To is TrajectoryState.Closed or TrajectoryState.DroppedOut)?.AtUtc ?? nowUtc;

    private DateTime Between(DateTime from, DateTime until) => from.AddMinutes(_random.NextDouble() * (until - from).TotalMinutes);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
