namespace Schuldketen.Testing;

/// <summary>Where the repository is (the folder holding Schuldketen.sln) and the built hub in it.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Script(string name) => Path.Combine(Root, "infra", name);

    /// <summary>The hub as its Release build left it; the test project's reference builds it.</summary>
    public static string HostAssembly()
    {
        var path = Path.Combine(Root, "functions", "Schuldketen.Functions", "bin", "Release", "net10.0", "schuldketen.dll");
        Assert.True(File.Exists(path),
            $"The hub is not built at {path}. Run the fault tests in Release (dotnet test tests/Schuldketen.Faults.Tests -c Release), which builds it.");
        return path;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Schuldketen.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Schuldketen.sln above {AppContext.BaseDirectory}.");
    }
}
