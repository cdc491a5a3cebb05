using System.Diagnostics;
using System.Globalization;
using KnowledgePlatform.Web.Media.Imaging;

namespace KnowledgePlatform.Web.Media;

/// <summary>
/// `-- media bench`: renders every file in <c>MediaBench:Files</c> (comma-separated) to each of
/// <c>MediaBench:Widths</c> through <see cref="IImageProcessor"/>, <c>MediaBench:Parallel</c> files at a time, for
/// <c>MediaBench:Rounds</c> rounds, and prints throughput and the process's peak memory. scripts/bench-media.sh runs it
/// next to libvips' own vipsthumbnail on the same files.
/// </summary>
public static class MediaBench
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var config = services.GetRequiredService<IConfiguration>();
        var files = (config["MediaBench:Files"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (files.Length == 0 || files.Any(f => !File.Exists(f)))
        {
            await output.WriteLineAsync("Geef bestaande bestanden op met --MediaBench:Files=a.jpg,b.jpg");
            return 2;
        }

        var widths = (config["MediaBench:Widths"] ?? "320,960,1920").Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToArray();
        var rounds = config.GetValue("MediaBench:Rounds", 5);
        var parallel = config.GetValue("MediaBench:Parallel", 2);
        int? height = config.GetValue<int?>("MediaBench:CropHeight"); // crops (focal point centre) instead of widths only
        var format = config["MediaBench:Format"] == "webp" ? DerivativeFormat.WebP : DerivativeFormat.Jpeg;
        var outDir = Directory.CreateTempSubdirectory("kp-bench-").FullName;
        var images = services.GetRequiredService<IImageProcessor>();
        var headers = files.ToDictionary(f => f, images.ReadHeader);
        var baseline = PeakRssMegabytes();

        var clock = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct }, (file, _) =>
            {
                foreach (var width in widths)
                {
                    var target = Path.Combine(outDir, $"{Path.GetFileNameWithoutExtension(file)}_{width}.{format.Extension()}");
                    images.CreateDerivative(file, new DerivativeRequest(width, height, format, headers[file]), target);
                }

                return ValueTask.CompletedTask;
            });
        }

        clock.Stop();
        var count = rounds * files.Length * widths.Length;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"ours: {count} derivatives ({format}, widths {string.Join('/', widths)}, {parallel} files in parallel) in {clock.Elapsed.TotalSeconds:0.00} s = {count / clock.Elapsed.TotalSeconds:0.0}/s; peak RSS {PeakRssMegabytes():0} MB (before rendering {baseline:0} MB)"));
        Directory.Delete(outDir, recursive: true);
        return 0;
    }

    /// <summary>The process's high-water mark of resident memory (Linux VmHWM), which includes native libvips buffers.</summary>
    private static double PeakRssMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kb is null ? double.NaN : long.Parse(kb, CultureInfo.InvariantCulture) / 1024.0;
    }
}
