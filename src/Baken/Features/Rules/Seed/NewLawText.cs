namespace Baken.Features.Rules.Seed;

/// <summary>
/// Start text: what the Sex Work Regulation Act (WRS, bill 35 715, named in the council letter) would change. Not
/// in force; the text names no date for it, because none is known.
/// </summary>
internal static class NewLawText
{
    public static readonly RuleSeedText Dutch = new(
        RuleCheck.NewLaw, 40, "nl",
        "Nieuwe wet: wat verandert er?",
        "Er komt misschien een nieuwe landelijke wet voor sekswerk: de Wet regulering sekswerk (WRS). Die wet is nog niet van kracht.",
        """
        Er is een voorstel voor een nieuwe wet voor heel Nederland: de **Wet regulering sekswerk**. De afkorting is WRS.

        **Let op: deze wet is nog niet van kracht.** Niemand weet nog wanneer de wet ingaat. De regels in het voorstel kunnen ook nog veranderen. Tot dan gelden de regels van nu. Die staan op de andere pagina's.

        ## Wat zou er veranderen?

        Volgens het voorstel verandert dit:

        - **Een vergunning voor sekswerkers.** Niet alleen bedrijven, maar ook sekswerkers zelf hebben dan een vergunning nodig. Die vraag je aan bij de gemeente.
        - **Toezicht door de gemeente.** De gemeente controleert of de regels worden gevolgd.
        - **Een landelijk register.** Gegevens over de vergunningen komen in een register voor heel Nederland.
        - **Een minimumleeftijd van 21 jaar.** Je moet 21 jaar of ouder zijn om als sekswerker te werken.
        - **Thuiswerken met een vergunning.** Met een eigen vergunning zou je zelfstandig thuis mogen werken. Nu verschilt dat per gemeente.

        ## Moet ik nu al iets doen?

        Nee. Zolang de wet niet van kracht is, hoef je voor de WRS niets te regelen. Gaat de wet in? Dan zetten we dat op deze pagina.

        Wil je weten wat de nieuwe wet voor jou kan betekenen? Of maak je je zorgen over het register? Praat erover op een spreekuur. Dat kan anoniem.

        ## Meer lezen

        Het wetsvoorstel heeft bij de Tweede Kamer het nummer 35 715. Op de website van de Tweede Kamer kun je volgen hoe het ermee staat.
        """);

    public static readonly RuleSeedText English = new(
        RuleCheck.NewLaw, 40, "en",
        "New law: what will change?",
        "There may be a new national law for sex work: the Sex Work Regulation Act (WRS). That law is not yet in force.",
        """
        There is a proposal for a new law for the whole of the Netherlands: the **Sex Work Regulation Act** (in Dutch: *Wet regulering sekswerk*). The short name is WRS.

        **Please note: this law is not yet in force.** Nobody knows yet when the law will start. The rules in the proposal may also still change. Until then, the current rules apply. You can find them on the other pages.

        ## What would change?

        According to the proposal, this will change:

        - **A licence for sex workers.** Not only businesses, but also sex workers themselves will need a licence. You apply for it at the municipality.
        - **Oversight by the municipality.** The municipality checks whether the rules are followed.
        - **A national register.** Information about the licences goes into a register for the whole of the Netherlands.
        - **A minimum age of 21.** You must be 21 or older to work as a sex worker.
        - **Working from home with a licence.** With a licence of your own, you could work independently from home. Now that differs per municipality.

        ## Do I need to do anything now?

        No. As long as the law is not in force, you do not need to arrange anything for the WRS. Does the law start? Then we will put that on this page.

        Do you want to know what the new law could mean for you? Or are you worried about the register? Talk about it at a consultation hour. You can do that anonymously.

        ## Read more

        At the Dutch House of Representatives (*Tweede Kamer*), the bill has number 35 715. On the website of the Tweede Kamer you can follow how it is going.
        """);
}
