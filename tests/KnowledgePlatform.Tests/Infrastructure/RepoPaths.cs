namespace KnowledgePlatform.Tests.Infrastructure;

public static class RepoPaths
{
    public static string Root { get; } = KnowledgePlatform.Web.Infrastructure.RepositoryPaths.BaseFor(AppContext.BaseDirectory);

    public static string USync => Path.Combine(Root, "uSync");

    /// <summary>The npm test tools (axe-core, vnu-jar), installed by scripts/test.sh.</summary>
    public static string TestTools => Path.Combine(Root, "tests", "tools");

    /// <summary>A private copy of the demo uSync folder that a test may change.</summary>
    public static string CopyOfUSync()
    {
        var target = Directory.CreateTempSubdirectory("kp-usync-").FullName;
        foreach (var file in Directory.EnumerateFiles(USync, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(USync, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }
}
