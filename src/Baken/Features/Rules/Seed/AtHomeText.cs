namespace Baken.Features.Rules.Seed;

/// <summary>Start text: working independently from home, allowed under conditions in many municipalities.</summary>
internal static class AtHomeText
{
    public static readonly RuleSeedText Dutch = new(
        RuleCheck.AtHome, 20, "nl",
        "Zelfstandig thuiswerken",
        "Werk je alleen, vanuit je eigen huis? In veel gemeenten mag dat onder voorwaarden. De regels verschillen per gemeente.",
        """
        Thuiswerken betekent: je werkt zelfstandig in je eigen huis. Er is geen bedrijf en geen baas.

        ## Mag dat?

        Dat hangt af van de gemeente waar je woont. In veel gemeenten mag het, onder voorwaarden. In andere gemeenten mag het niet. Er is nog geen regel die voor heel Nederland geldt. Vraag daarom altijd bij je eigen gemeente na wat er mag.

        ## Voorwaarden die vaak gelden

        Gemeenten stellen vaak voorwaarden zoals deze:

        - Je meldt je aan bij de gemeente, of je vraagt een vergunning aan.
        - Je werkt alleen, of met een klein aantal mensen. Vaak is dat hooguit één of twee personen.
        - Je woont zelf op het adres waar je werkt.
        - De buren hebben geen last van je werk. Denk aan geluid, veel bezoek in de nacht of reclame aan je huis.

        Werk je met meer mensen samen op één adres? Dan kan de gemeente dat zien als een seksbedrijf. Dan gelden de regels voor bedrijven. Lees daarover op de pagina [Werken bij een bedrijf met een vergunning](/Portal/Rules/werken-met-exploitant).

        ## Huur je je huis?

        Kijk ook in je huurcontract. Daar staat soms dat je thuis geen bedrijf mag hebben. Heb je een koophuis in een appartementengebouw? Dan kan er zo'n regel staan bij de vereniging van eigenaren. Twijfel je? Vraag het op een spreekuur. Je hoeft je naam niet te zeggen.

        ## Veilig thuiswerken

        - Vertel iemand die je vertrouwt wanneer er een klant komt.
        - Houd je telefoon opgeladen en dichtbij.
        - Laat geld, papieren en andere waardevolle spullen niet rondslingeren.
        - Vertrouw op je gevoel. Je mag een klant altijd weigeren.

        ## Wat verandert er met de nieuwe wet?

        Er komt misschien een nieuwe landelijke wet: de Wet regulering sekswerk (WRS). Met die wet zou je met een eigen vergunning zelfstandig thuis mogen werken. Die wet is nog niet van kracht. Lees meer op de pagina [Nieuwe wet: wat verandert er?](/Portal/Rules/nieuwe-wet-wrs).
        """);

    public static readonly RuleSeedText English = new(
        RuleCheck.AtHome, 20, "en",
        "Working independently from home",
        "Do you work alone, from your own home? Many municipalities allow this under conditions. The rules differ per municipality.",
        """
        Working from home means: you work independently in your own home. There is no business and no boss.

        ## Is it allowed?

        That depends on the municipality where you live. Many municipalities allow it, under conditions. Other municipalities do not. There is no rule yet for the whole of the Netherlands. So always check with your own municipality what is allowed.

        ## Conditions that often apply

        Municipalities often set conditions like these:

        - You register with the municipality, or you apply for a licence.
        - You work alone, or with a small number of people. Often the limit is one or two people.
        - You live at the address where you work.
        - Your neighbours are not bothered by your work. Think of noise, many visitors at night or advertising on your home.

        Do you work together with more people at one address? Then the municipality may see that as a sex business. Then the rules for businesses apply. Read about them on the page [Working for a business with a licence](/Portal/Rules/werken-met-exploitant).

        ## Do you rent your home?

        Also look at your rental contract. It sometimes says that you may not run a business from home. Do you own a flat in a building with other owners? Then the owners' association may have such a rule. Not sure? Ask at a consultation hour. You do not have to give your name.

        ## Working safely from home

        - Tell someone you trust when a client is coming.
        - Keep your phone charged and close to you.
        - Do not leave money, papers or other valuable things lying around.
        - Trust your feelings. You may always refuse a client.

        ## What changes with the new law?

        There may be a new national law: the Sex Work Regulation Act (in Dutch: *Wet regulering sekswerk*, WRS). With that law, you could work independently from home with a licence of your own. That law is not yet in force. Read more on the page [New law: what will change?](/Portal/Rules/nieuwe-wet-wrs).
        """);
}
