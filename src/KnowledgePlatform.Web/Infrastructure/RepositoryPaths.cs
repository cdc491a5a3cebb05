namespace KnowledgePlatform.Web.Infrastructure;

/// <summary>
/// Defaults for folders that live beside the source (web root, uSync, data). When the app runs
/// from a checkout they resolve against the repository root, so `dotnet run` in src/ and the test
/// host share one layout; a published app resolves them against its own folder.
/// </summary>
public static class RepositoryPaths
{
    public static string BaseFor(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgePlatform.sln")))
            {
                return dir.FullName;
            }
        }

        return contentRoot;
    }

    /// <summary>Resolves a configured path: absolute stays, relative is taken from the base.</summary>
    public static string Resolve(string contentRoot, string path) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(BaseFor(contentRoot), path));
}
