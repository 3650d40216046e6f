namespace Schuldketen.Functions.Demo;

/// <summary>The residents of the demo trajectories, by made-up name; their BSN comes from <see cref="DemoSeed.ResidentBsn"/> and never reaches a page.</summary>
public static class DemoResidents
{
    private static readonly string[] FirstNames = ["Anna", "Mohamed", "Sophie", "Daan", "Fatma", "Lucas", "Emma", "Yusuf", "Julia", "Sem", "Noa", "Kofi"];
    private static readonly string[] LastNames = ["de Boer", "Yilmaz", "Visser", "Smit", "Bos", "El Amrani", "Mulder"];

    public static IReadOnlyList<DemoResident> All { get; } =
        Enumerable.Range(0, DemoSeed.JourneyCount)
            .Select(index => new DemoResident(index, $"{FirstNames[index % FirstNames.Length]} {LastNames[index % LastNames.Length]}"))
            .ToList();
}

/// <summary>A demo resident: the index of their trajectory in the demo seed, and a name.</summary>
public sealed record DemoResident(int Index, string Name);
