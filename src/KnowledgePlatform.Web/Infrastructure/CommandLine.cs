using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Infrastructure;

/// <summary>
/// Verbs of the same app: `-- sync export|plan|import`, `-- search rebuild`, `-- db script`. Everything after the verb
/// that looks like a setting (--Key=value) is ordinary configuration.
/// </summary>
public static class CommandLine
{
    public const string Usage = """
        Gebruik: dotnet run --project src/KnowledgePlatform.Web -- <opdracht>
          sync export   schrijf alle inhoud en instellingen naar uSync/
          sync plan     toon wat een import zou doen, zonder iets te wijzigen
          sync import   pas uSync/ toe op de database (alles of niets)
          corpus generate  vul de database met een gegenereerd corpus (Corpus:Count, Corpus:Seed) voor benchmarks
          search rebuild   bouw de zoekindex opnieuw op uit de gepubliceerde inhoud (zoeken blijft werken)
          users create-admin --email <adres>  maak de eerste beheerder (wachtwoord via standaardinvoer, anders een eenmalige link)
          media bench   meet het maken van afgeleide afbeeldingen (zie scripts/bench-media.sh)
          content touch --slug <slug> --title <titel of ->  wijzig de titel van een gepubliceerd item en publiceer het (- : één titel per regel van standaardinvoer)
          search benchmark meet de zoekindex (Bench:Url, Bench:Rounds); alleen op een benchmarkdatabase
          newsletter benchmark-prepare  zet een verzending aan Bench:Subscribers abonnees klaar (na corpus generate)
          newsletter benchmark-send     verstuur die verzending naar Smtp:* en meet snelheid, geheugen en database
          db script     toon het SQL-schema dat EF uit het model afleidt (voor nieuwe migraties)
        """;

    public static string[] Verb(string[] args) =>
        [.. args.TakeWhile(a => !a.StartsWith('-') && !a.Contains('=', StringComparison.Ordinal))];

    public static async Task<int> RunAsync(IServiceProvider services, string[] verb, TextWriter output, TextWriter error)
    {
        var root = services.GetRequiredService<IOptions<SyncOptions>>().RootPath(services.GetRequiredService<IHostEnvironment>());
        switch (string.Join(' ', verb))
        {
            case "sync export":
                var exported = await services.GetRequiredService<ExportSync.Handler>().HandleAsync(root, CancellationToken.None);
                await output.WriteLineAsync($"Geëxporteerd naar {root}: {exported.Written} geschreven, {exported.Unchanged} ongewijzigd, {exported.Tombstones} verwijderd gemarkeerd.");
                return 0;
            case "sync plan":
                var (_, plan) = await services.GetRequiredService<PlanSync.Handler>().HandleAsync(root, CancellationToken.None);
                foreach (var entry in plan.Changes)
                {
                    await output.WriteLineAsync(entry.ToString());
                }

                await output.WriteLineAsync($"Plan voor {root}: {plan.Summary}. Er is niets gewijzigd.");
                return 0;
            case "sync import":
                var imported = await services.GetRequiredService<ImportSync.Handler>().HandleAsync(root, CancellationToken.None);
                foreach (var entry in imported.Changes)
                {
                    await output.WriteLineAsync(entry.ToString());
                }

                await output.WriteLineAsync($"Geïmporteerd uit {root}: {imported.Summary}.");
                return 0;
            case "corpus generate":
                return await Corpus.CorpusSetup.RunAsync(services, output, CancellationToken.None);
            case "media bench":
                return await Media.MediaBench.RunAsync(services, output, CancellationToken.None);
            case "search rebuild":
                return await Search.SearchSetup.RebuildAsync(services, output, CancellationToken.None);
            case "users create-admin":
                return await Accounts.UsersCommand.CreateAdminAsync(services, Console.In, Console.IsInputRedirected, output, error);
            case "content touch":
                return await Cluster.TouchContent.RunAsync(services, Console.In, output, error, CancellationToken.None);
            case "search benchmark":
                return await Search.Benchmark.SearchBenchmark.RunAsync(services, output, CancellationToken.None);
            case "newsletter benchmark-prepare":
                return await Newsletter.Benchmark.SendBenchmarkData.RunAsync(services, output, CancellationToken.None);
            case "newsletter benchmark-send":
                return await Newsletter.Benchmark.SendBenchmark.RunAsync(services, output, CancellationToken.None);
            case "db script":
                await output.WriteLineAsync(services.GetRequiredService<KnowledgeDbContext>().Database.GenerateCreateScript());
                return 0;
            default:
                await error.WriteLineAsync($"Onbekende opdracht: {string.Join(' ', verb)}");
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }
}
