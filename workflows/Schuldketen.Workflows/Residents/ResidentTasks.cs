namespace Schuldketen.Workflows.Residents;

/// <summary>The resident's part in each phase of the debt-help trajectory.</summary>
public static class ResidentTasks
{
    private static readonly Dictionary<string, ResidentTask> ByPhase = new(StringComparer.Ordinal)
    {
        ["aanmelding"] = new("U hoeft nu niets te doen. De gemeente neemt contact met u op.", false, null),
        ["crisisinterventie"] = new("Houd de brieven over de ontruiming of afsluiting bij de hand en neem de telefoon op als de gemeente belt.", true, "crisis"),
        ["eerste-gesprek"] = new("Kom naar het eerste gesprek. Uw contactpersoon spreekt de dag en tijd met u af.", true, "eerste-gesprek"),
        ["besluit-toegang"] = new("Lever de papieren in waar uw contactpersoon om vraagt, zoals loonstroken en brieven van schuldeisers.", true, "besluit-toegang"),
        ["bezwaartermijn"] = new("Bent u het niet eens met het besluit? Maak dan op tijd bezwaar bij de gemeente.", true, "bezwaartermijn"),
        ["bezwaar"] = new("U hoeft nu niets te doen. De gemeente laat u weten wat zij besluit.", false, null),
        ["stabilisatie"] = new("Betaal elke maand uw vaste lasten, zoals huur en energie, en maak geen nieuwe schulden.", true, "stabilisatie"),
        ["saneringskrediet"] = new("Geef veranderingen in uw inkomen of adres direct door aan uw contactpersoon.", false, null),
        ["schuldregeling"] = new("Geef veranderingen in uw inkomen of adres direct door aan uw contactpersoon.", false, null),
        ["moratorium"] = new("U hoeft nu niets te doen. Uw schuldhulpverlener werkt aan een regeling.", false, null),
        ["dwangakkoord"] = new("U hoeft nu niets te doen. De rechter beslist.", false, null),
        ["wsnp-verzoek"] = new("U hoeft nu niets te doen. De rechter beslist.", false, null),
        ["wsnp"] = new("Houd u aan de afspraken met uw bewindvoerder en laat hem of haar binnen bij het huisbezoek.", true, "wsnp-huisbezoek"),
        ["aflossing"] = new("Betaal elke maand het bedrag dat u hebt afgesproken.", true, null),
        ["nazorg"] = new("Neem contact op met uw contactpersoon als u weer geldzorgen krijgt.", false, null),
    };

    /// <summary>The resident's task in <paramref name="phase"/>; null for a closed trajectory or a phase without one.</summary>
    public static ResidentTask? For(string phase) => ByPhase.GetValueOrDefault(phase);
}
