namespace Baken.Features.Rules.Seed;

/// <summary>Start text: working for a licensed sex business (club, window, private house).</summary>
internal static class WithOperatorText
{
    public static readonly RuleSeedText Dutch = new(
        RuleCheck.WithOperator, 10, "nl",
        "Werken bij een bedrijf met een vergunning",
        "Werk je in een club, achter het raam of in een privéhuis? Lees wat het bedrijf moet regelen en wat jouw rechten zijn.",
        """
        Sekswerk is in Nederland gewoon werk. Je mag werken bij een seksbedrijf dat een vergunning van de gemeente heeft. Zo'n bedrijf heet een exploitant. Voorbeelden zijn een club, een raam of een privéhuis.

        ## Wat is een vergunning?

        Een vergunning is toestemming van de gemeente. Het bedrijf moet een vergunning hebben voordat het open mag. De gemeente controleert of het bedrijf zich aan de regels houdt. Die controle gaat over het bedrijf, niet over jou.

        Je mag het bedrijf vragen om de vergunning te laten zien. Dat is heel normaal.

        ## Wat moet het bedrijf regelen?

        De precieze regels verschillen per gemeente. Vaak moet het bedrijf dit regelen:

        - een schone en veilige werkplek;
        - condooms en andere spullen om veilig te werken;
        - een alarmknop, of een andere manier om snel hulp te krijgen;
        - een controle of je oud genoeg bent;
        - een controle of je in Nederland mag werken;
        - informatie over hulp en over de GGD. De GGD is de gezondheidsdienst van de gemeente.

        ## Jouw rechten

        - Jij beslist over je eigen lichaam.
        - Je mag een klant weigeren.
        - Je mag iets weigeren, ook als je al begonnen bent.
        - Je mag altijd een condoom gebruiken.
        - Je mag stoppen wanneer je wilt.
        - Je paspoort en je geld zijn van jou. Niemand mag die afpakken.
        - Niemand mag je dwingen om te werken.

        Gebeurt er iets wat niet goed voelt? Praat erover met een hulpverlener. Dat kan ook anoniem. Je hoeft dan je naam niet te zeggen.

        ## Hoe oud moet je zijn?

        Je moet minstens 18 jaar zijn. Sommige gemeenten vragen 21 jaar. Vraag bij de gemeente na wat daar geldt.

        ## Belasting

        Over je inkomen uit sekswerk betaal je belasting, net als bij ander werk. Hoe dat gaat, hangt af van je afspraken met het bedrijf. Weet je niet hoe het zit? Vraag het op een spreekuur.
        """);

    public static readonly RuleSeedText English = new(
        RuleCheck.WithOperator, 10, "en",
        "Working for a business with a licence",
        "Do you work in a club, behind a window or in a private house? Read what the business must arrange and what your rights are.",
        """
        In the Netherlands, sex work is legal work. You may work for a sex business that has a licence from the municipality. Such a business is called an operator (in Dutch: *exploitant*). Examples are a club, a window or a private house.

        ## What is a licence?

        A licence is permission from the municipality. The business needs a licence before it may open. The municipality checks whether the business follows the rules. These checks are about the business, not about you.

        You may ask the business to show you its licence. That is completely normal.

        ## What must the business arrange?

        The exact rules differ per municipality. Often the business must arrange this:

        - a clean and safe place to work;
        - condoms and other things you need to work safely;
        - an alarm button, or another way to get help fast;
        - a check that you are old enough;
        - a check that you are allowed to work in the Netherlands;
        - information about help and about the GGD. The GGD is the municipal health service.

        ## Your rights

        - You decide about your own body.
        - You may refuse a client.
        - You may refuse something, even after you have started.
        - You may always use a condom.
        - You may stop whenever you want.
        - Your passport and your money are yours. Nobody may take them from you.
        - Nobody may force you to work.

        Does something happen that does not feel right? Talk about it with a support worker. You can do that anonymously. You do not have to give your name.

        ## How old must you be?

        You must be at least 18. Some municipalities ask for 21. Check with the municipality what applies there.

        ## Tax

        You pay tax on your income from sex work, just like with other work. How that works depends on your agreement with the business. Not sure how it works for you? Ask at a consultation hour.
        """);
}
