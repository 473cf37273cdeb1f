using System.Globalization;
using System.Net;
using System.Xml.Linq;
using AngleSharp.Dom;
using Baken.Features.Admin;
using Baken.Infrastructure.ProcessingLog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Baken.Tests.ProcessingLog;

/// <summary>
/// Staff and clients read the processing log in words: every action the app records has a Dutch and an English
/// text, and a code without one shows a neutral text, never a resource key or the code.
/// </summary>
public sealed class ProcessingActionTextTests(SharedApps apps)
{
    private static readonly Lazy<RecordedActionScan> Scan = new(() => RecordedActionScan.Run(RecordedActionScan.RepositoryRoot()));

    private static Dictionary<string, string> Resources(string suffix) =>
        XDocument.Load(Path.Combine(RecordedActionScan.RepositoryRoot(), "src", "Baken", "Resources", $"SharedResource{suffix}.resx"))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);

    private static IStringLocalizer Localizer() =>
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)
            .Create(typeof(SharedResource));

    private static string In(string culture, Func<string> text)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return text();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Every_action_the_app_records_has_a_text_in_dutch_and_in_english()
    {
        var scan = Scan.Value;
        scan.Problems.ShouldBeEmpty("actions the source scan could not follow:\n" + string.Join('\n', scan.Problems));
        var dutch = Resources(string.Empty);
        var english = Resources(".en");

        var missing = scan.Codes
            .SelectMany(code => new[] { (Code: code, Language: "nl", Texts: dutch), (Code: code, Language: "en", Texts: english) })
            .Where(c => !c.Texts.TryGetValue(ProcessingActionText.KeyPrefix + c.Code, out var text) || string.IsNullOrWhiteSpace(text))
            .Select(c => $"{ProcessingActionText.KeyPrefix}{c.Code} ({c.Language})")
            .ToList();

        missing.ShouldBeEmpty($"add them with tools/add-resource.py:\n{string.Join('\n', missing)}");
        var t = Localizer();
        foreach (var code in scan.Codes)
        {
            In("nl", () => ProcessingActionText.For(t, code)).ShouldBe(dutch[ProcessingActionText.KeyPrefix + code], $"the page's lookup finds {code}");
        }
    }

    /// <summary>The scan must see through every way the features pass an action on, or the test above proves little.</summary>
    [Fact]
    public void The_scan_follows_actions_through_helpers_locals_constants_conditions_and_enums()
    {
        var scan = Scan.Value;

        scan.RecordCalls.ShouldBeGreaterThan(50);
        scan.Codes.ShouldContain("TrajectoryStarted", "a plain string");
        scan.Codes.ShouldContain("ClientRestrictionLifted", "a local set from a condition");
        scan.Codes.ShouldContain("SignalHandoverRefused", "both sides of a condition");
        scan.Codes.ShouldContain("RecordErasedRetentionExpired", "a constant, in a call over several lines");
        scan.Codes.ShouldContain("ClientErased", "a constant of another class, through EraseAsync's parameter");
        scan.Codes.ShouldContain("ClientErasedRetentionExpired");
        scan.Codes.ShouldContain("ClientExported", "a constant passed to ClientRecords.ReadAsync");
        scan.Codes.ShouldContain("ClientFileViewed", "a string passed to ClientRecords.ReadAsync");
        scan.Codes.ShouldContain("GoalActionChanged", "the plan's private Touch");
        scan.Codes.ShouldContain("TeamMemberRemoved", "the trajectories' private Touch, a method of the same name");
        scan.Codes.ShouldContain("PlanViewed", "PlanRecords.RecordRead");
        scan.Codes.ShouldContain("TaskReopened", "a condition passed to the agenda's SaveAsync");
        scan.Codes.ShouldContain("ReferralLetterOpened", "ReferralRecords.ReadLetterAsync");
        scan.Codes.ShouldContain("IntakeAccepted", "a partial class whose writer is declared in its other file");
        foreach (var state in Enum.GetNames<Baken.Features.Trajectories.TrajectoryState>())
        {
            scan.Codes.ShouldContain($"TrajectoryMovedTo{state}", "an enum interpolated through Touch");
        }

        foreach (var status in Enum.GetNames<Baken.Features.Referrals.ReferralStatus>())
        {
            scan.Codes.ShouldContain($"ReferralMovedTo{status}", "an enum interpolated in the call");
        }

        scan.Codes.ShouldNotContain("Client", "an argument of a method that only shares a helper's name is not an action");
    }

    [Fact]
    public void A_code_without_a_text_reads_as_a_neutral_text_never_as_a_resource_key_or_the_code()
    {
        var t = Localizer();

        In("nl", () => ProcessingActionText.For(t, "JournalEntryAdded")).ShouldBe("Journaalbericht toegevoegd");
        In("en", () => ProcessingActionText.For(t, "JournalEntryAdded")).ShouldBe("Journal entry added");
        foreach (var code in new[] { "NoTextForThisAction", string.Empty, " ", null })
        {
            In("nl", () => ProcessingActionText.For(t, code)).ShouldBe("Gegevens gebruikt");
            In("en", () => ProcessingActionText.For(t, code)).ShouldBe("Data used");
        }

        var empty = new NoTexts();
        var bare = ProcessingActionText.For(empty, "NoTextForThisAction");
        bare.ShouldBe(ProcessingActionText.LastResort, "even without any resources");
        foreach (var text in new[] { bare, In("nl", () => ProcessingActionText.For(t, "NoTextForThisAction")) })
        {
            text.ShouldNotStartWith(ProcessingActionText.KeyPrefix, Case.Sensitive);
            text.ShouldNotContain("NoTextForThisAction");
        }
    }

    [Theory]
    [Databases]
    public async Task The_client_file_and_the_export_show_every_action_in_words(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var manager = await app.CreateUserAsync(Roles.Casemanager);
        var (clientId, _) = await app.CreateClientAsync((await app.FindUserAsync(manager.Id)).OrganisationId, teamMember: manager.Id);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<ProcessingLogWriter>();
            log.Record(ProcessingActivities.CaseManagement, "TrajectoryMovedToAftercare", clientId);
            log.Record(ProcessingActivities.CaseManagement, "ActionWithoutTextForTest", clientId);
            await scope.ServiceProvider.GetRequiredService<BakenDbContext>().SaveChangesAsync();
        }

        using var client = app.NewClient();
        await client.SignInAsync(manager);
        var (fileResponse, file) = await client.GetPageAsync($"/Clients/{clientId}");
        var (exportResponse, export) = await client.GetPageAsync($"/Clients/{clientId}/Export");

        fileResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        exportResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var actions in new[] { ActionCells(file, "[role=region][aria-label='Wie heeft dit dossier gebruikt'] table"), ActionCells(export, "#export-processing") })
        {
            actions.ShouldContain("Fase gewijzigd: nazorg");
            actions.ShouldContain("Gegevens gebruikt", "the code without a text");
            actions.ShouldContain("Geregistreerd");
            actions.ShouldAllBe(a => !a.StartsWith(ProcessingActionText.KeyPrefix, StringComparison.Ordinal) && a != "ActionWithoutTextForTest");
        }
    }

    /// <summary>The "what" column (header "Wat") of the processing-log table.</summary>
    private static List<string> ActionCells(IDocument page, string selector)
    {
        var table = page.QuerySelector(selector).ShouldNotBeNull(selector);
        var column = table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList().IndexOf("Wat");
        return [.. table.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td")[column].TextContent.Trim())];
    }

    private sealed class NoTexts : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name, resourceNotFound: true);

        public LocalizedString this[string name, params object[] arguments] => this[name];

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
