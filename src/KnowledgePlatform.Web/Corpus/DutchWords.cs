namespace KnowledgePlatform.Web.Corpus;

/// <summary>The fixed word lists of the generated corpus: function words, the domain's own words, and names.</summary>
public static class DutchWords
{
    /// <summary>
    /// Dutch function words from Snowball's stop list (so the analyzer drops them), roughly in the
    /// order of their frequency in written Dutch: they take the first Zipf ranks, as in real text.
    /// </summary>
    public static readonly string[] Function =
    [
        "de", "van", "het", "een", "en", "in", "is", "op", "te", "dat", "voor", "met", "die", "zijn", "niet", "aan", "er", "om",
        "ook", "als", "bij", "door", "dan", "maar", "naar", "over", "uit", "of", "worden", "nog", "tot", "wordt", "heeft", "kan",
        "hebben", "deze", "dit", "meer", "wat", "hun", "zich", "geen", "zo", "al", "was", "veel", "onder", "moet", "kunnen", "hoe",
        "wie", "zal", "hier", "omdat", "daar", "zonder", "tegen", "na", "ons", "zelf", "andere", "iets", "alles", "werd", "toen",
        "nu", "want", "toch", "doen", "ze", "zij", "u", "uw", "hij", "haar", "hem", "je", "ik", "wil", "kon", "men", "dus", "altijd",
        "eens", "niets", "iemand", "geweest", "waren", "had", "zou",
    ];

    /// <summary>Words of the social domain that lead the content words (only those the word list has are used).</summary>
    public static readonly string[] Domain =
    [
        "gemeente", "gemeenten", "sociaal", "zorg", "jeugd", "inwoners", "beleid", "samenwerking", "ondersteuning", "werk",
        "praktijk", "wijk", "participatie", "professionals", "uitvoering", "onderzoek", "aanpak", "kennis", "armoede", "schulden",
        "inkomen", "wonen", "burgers", "organisaties", "regio", "preventie", "toegang", "welzijn", "gezondheid", "onderwijs",
        "lokale", "kinderen", "ouderen", "jongeren", "ouders", "netwerk", "decentralisatie", "wet", "maatschappelijke",
        "ontwikkeling", "vragen", "eenzaamheid", "bijeenkomst",
    ];

    public static readonly string[] FirstNames =
    [
        "Anna", "Bas", "Carla", "Daan", "Eva", "Femke", "Gert", "Hanneke", "Ilse", "Jan", "Jan-Kees", "Karin", "Lars", "Linda",
        "Marieke", "Mark", "Monique", "Nadia", "Nienke", "Pieter", "Rachid", "Ruud", "Sanne", "Sophie", "Thijs", "Tom", "Wendy",
        "Willem", "Yusuf", "Annemarie", "Bart", "Esther", "Fatima", "Hans", "Ingrid", "Joost", "Kees", "Loes", "Maarten", "Mirjam",
        "Noor", "Paul", "Petra", "Rob", "Saskia", "Stefan", "Vera", "Wouter", "Anouk", "Erik",
    ];

    public static readonly string[] Prefixes = ["", "", "", "", "", "van", "de", "van der", "van den", "ter", "in 't"];

    public static readonly string[] Surnames =
    [
        "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters", "Hendriks", "Dekker", "Brouwer", "Dijkstra",
        "Smits", "Vermeulen", "Kok", "Jacobs", "Haan", "Schouten", "Willems", "Hoekstra", "Koster", "Prins", "Kuipers", "Postma",
        "Helderman", "Boer", "Wit", "Graaf", "Berg", "Veen", "Linden", "Heuvel", "Dam", "Wal", "Laan", "Brink", "Groot", "Maas",
        "Verhoeven", "Kramer", "Huisman", "Boukhari", "Yilmaz", "El Amrani", "Kaya", "Sanders", "Hermans", "Timmermans", "Gerritsen",
        "Blom", "Vries", "Leeuwen", "Wijk", "Dijk", "Bosch", "Kuiper", "Schipper", "Post", "Zwart",
    ];

    public static readonly string[] Honorifics = ["", "", "", "", "Dr.", "Prof. dr.", "drs.", "mr."];

    /// <summary>Kinds of organisation; {0} is a place or a word.</summary>
    public static readonly string[] OrganisationPatterns =
    [
        "Gemeente {0}", "Gemeente {0}", "Stichting {0}", "Vereniging {0}", "GGD {0}", "Hogeschool {0}", "Kenniscentrum {0}",
        "Wijkteam {0}", "Platform {0}", "Adviesbureau {0}",
    ];

    /// <summary>How events present themselves in their titles (an empty string: no prefix).</summary>
    public static readonly string[] EventKinds = ["", "", "Webinar: ", "Themabijeenkomst: ", "Netwerkbijeenkomst: ", "Congres: ", "Leertafel: "];
}
