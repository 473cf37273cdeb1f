namespace Baken.Features.Rules.Seed;

/// <summary>Start text: escort work (visiting clients) and online-only work (webcam, chat), with safety tips.</summary>
internal static class EscortAndOnlineText
{
    public static readonly RuleSeedText Dutch = new(
        RuleCheck.EscortAndOnline, 30, "nl",
        "Escort en online werk",
        "Ga je naar klanten toe, of werk je alleen online met een webcam of chat? Lees welke regels gelden en hoe je veilig werkt.",
        """
        ## Escort: je gaat naar de klant

        Als escort ga je naar de klant toe. Bijvoorbeeld naar een huis of een hotel. Je kunt werken via een escortbureau of zelfstandig.

        - **Via een bureau.** In veel gemeenten heeft een escortbureau een vergunning nodig. Het bureau moet zich dan aan regels houden, net als een club. Vraag het bureau om de vergunning te laten zien.
        - **Zelfstandig.** De regels verschillen per gemeente. Soms moet je je aanmelden bij de gemeente. Vraag het na bij de gemeente of op een spreekuur.

        ## Advertenties

        Veel sekswerkers vinden klanten via advertenties op internet. Let hierop:

        - In sommige gemeenten moet er een nummer in je advertentie staan, zoals een vergunningsnummer. Vraag na wat jouw gemeente wil.
        - Zet niets in je advertentie wat je niet wilt delen. Denk aan je echte naam, je adres of foto's waarop je te herkennen bent.
        - Maakt iemand anders je advertenties en houdt die persoon je geld? Dat kan een teken zijn dat iemand misbruik van je maakt. Praat erover met een hulpverlener. Dat kan anoniem.

        Hulpverleners van de stad kijken soms naar advertenties. Ze sturen je dan misschien een bericht met informatie over hulp. Je hoeft niet te antwoorden.

        ## Alleen online: webcam en chat

        Werk je alleen online, zonder dat je de klant ontmoet? Bijvoorbeeld met een webcam, in een chat of met betaalde foto's? Dan heb je meestal geen vergunning van de gemeente nodig. Wel geldt dit:

        - Je moet 18 jaar of ouder zijn.
        - Je houdt je aan de regels van de website of app waarop je werkt.
        - Je betaalt belasting over wat je verdient.
        - Niemand mag seksuele beelden van jou delen zonder jouw toestemming. Dat is strafbaar. Gebeurt het toch? Je kunt hulp krijgen.

        ## Veilig werken

        - Vertel iemand die je vertrouwt waar je heen gaat en hoe laat je terug bent.
        - Spreek een codewoord af voor als je hulp nodig hebt.
        - Houd je telefoon opgeladen.
        - Houd je paspoort en je geld bij je.
        - Vertrouw op je gevoel. Je mag altijd weigeren of weggaan.
        - Online: laat je gezicht, je huis of je straat niet zien als je dat niet wilt.
        - Dreigt iemand je beelden te delen als je niet betaalt? Dat heet afpersing. Betaal niet en zoek hulp.
        """);

    public static readonly RuleSeedText English = new(
        RuleCheck.EscortAndOnline, 30, "en",
        "Escort and online work",
        "Do you visit clients, or do you only work online with a webcam or chat? Read which rules apply and how to work safely.",
        """
        ## Escort: you go to the client

        As an escort, you go to the client. For example to a home or a hotel. You can work through an escort agency or independently.

        - **Through an agency.** In many municipalities an escort agency needs a licence. The agency must then follow rules, just like a club. Ask the agency to show you its licence.
        - **Independently.** The rules differ per municipality. Sometimes you must register with the municipality. Check with the municipality or at a consultation hour.

        ## Advertisements

        Many sex workers find clients through advertisements on the internet. Pay attention to this:

        - In some municipalities your advertisement must show a number, such as a licence number. Check what your municipality asks for.
        - Do not put anything in your advertisement that you do not want to share. Think of your real name, your address or photos in which people can recognise you.
        - Does someone else make your advertisements and keep your money? That can be a sign that someone is taking advantage of you. Talk about it with a support worker. You can do that anonymously.

        Support workers of the city sometimes look at advertisements. They may send you a message with information about help. You do not have to reply.

        ## Only online: webcam and chat

        Do you only work online, without meeting the client? For example with a webcam, in a chat or with paid photos? Then you usually do not need a licence from the municipality. But this applies:

        - You must be 18 or older.
        - You follow the rules of the website or app you work on.
        - You pay tax on what you earn.
        - Nobody may share sexual images of you without your permission. That is a crime. Does it happen anyway? You can get help.

        ## Working safely

        - Tell someone you trust where you are going and what time you will be back.
        - Agree on a code word for when you need help.
        - Keep your phone charged.
        - Keep your passport and your money with you.
        - Trust your feelings. You may always refuse or leave.
        - Online: do not show your face, your home or your street if you do not want to.
        - Does someone threaten to share your images unless you pay? That is called extortion. Do not pay, and get help.
        """);
}
