namespace KnowledgePlatform.Tests.Infrastructure;

/// <summary>
/// Where the outside checkers are: Debian's chromium and java, and the npm packages in
/// tests/tools. Each lookup fails with what to install, so a missing tool is one clear line.
/// </summary>
public static class TestTools
{
    private const string InstallHint = "scripts/test.sh installs it (as root), or run: ";

    /// <summary>KP_CHROMIUM overrides the Debian path, e.g. for another distribution's package.</summary>
    public static string Chromium => Existing(
        Environment.GetEnvironmentVariable("KP_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
        "Chromium", "apt-get install -y chromium");

    public static string Java => Existing(
        Environment.GetEnvironmentVariable("KP_JAVA") is { Length: > 0 } path ? path : "/usr/bin/java",
        "Java", "apt-get install -y default-jre-headless");

    public static string AxeScript => Existing(
        Path.Combine(RepoPaths.TestTools, "node_modules", "axe-core", "axe.min.js"),
        "axe-core", "npm ci --prefix tests/tools");

    public static string VnuJar => Existing(
        Path.Combine(RepoPaths.TestTools, "node_modules", "vnu-jar", "build", "dist", "vnu.jar"),
        "The Nu HTML Checker (vnu-jar)", "npm ci --prefix tests/tools");

    /// <summary>tests/tools/validate-openapi.mjs, once its npm package is there.</summary>
    public static string OpenApiValidator
    {
        get
        {
            _ = Existing(Path.Combine(RepoPaths.TestTools, "node_modules", "@seriousme", "openapi-schema-validator", "package.json"),
                "The OpenAPI schema validator", "npm ci --prefix tests/tools");
            return Path.Combine(RepoPaths.TestTools, "validate-openapi.mjs");
        }
    }

    private static string Existing(string path, string what, string install) =>
        File.Exists(path) ? path : throw new InvalidOperationException($"{what} is needed at {path}; {InstallHint}{install}");
}
