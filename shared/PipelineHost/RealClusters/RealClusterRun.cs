using Microsoft.Extensions.DependencyInjection;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Cosmology;
using StreamProcessor.Kafka;

namespace StreamProcessor.PipelineHost.RealClusters;

/// <summary>
/// <c>pipeline real-clusters</c>: real clusters through the production catalogue path (phase-space limits and KDE,
/// the shipped CNN with its baselines and out-of-distribution flag) on the embedded broker, or on a real cluster with
/// <c>--bootstrap</c>, compared with their published masses. Nothing is tuned to the result.
/// </summary>
public static class RealClusterRun
{
    public const string MarkdownFile = "real-clusters.md";
    public const string CsvFile = "real-clusters.csv";

    /// <summary>
    /// Runs the folder's clusters and writes the Markdown and CSV reports into <paramref name="outputFolder"/>; with
    /// <paramref name="cutRadiusMpcOverH"/>, only the spectra inside that projected radius (<see cref="FieldOfViewCut"/>).
    /// </summary>
    public static async Task<IReadOnlyList<RealClusterResult>> RunAsync(
        string dataFolder, string outputFolder, string[] serviceArgs, TextWriter log, double? cutRadiusMpcOverH = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        IReadOnlyList<RealCluster> clusters = RealClusterFolder.Read(dataFolder);
        log.WriteLine($"real-clusters: {clusters.Count} clusters, {clusters.Sum(c => c.Spectra)} spectra from {dataFolder}");
        if (cutRadiusMpcOverH is { } cut)
        {
            int before = clusters.Count;
            clusters = [.. clusters.Select(c => FieldOfViewCut.Within(c, cut, FlatLcdm.Planck18)).OfType<RealCluster>()];
            log.WriteLine($"real-clusters: spectra cut to R_proj < {cut:G3} h^-1 Mpc: {clusters.Sum(c => c.Spectra)} spectra of {clusters.Count} clusters left ({before - clusters.Count} with none)");
        }

        await using var app = CataloguePathHost.Build(serviceArgs, withMassFunction: false);
        await app.StartAsync(cancellationToken);
        var kafka = app.Services.GetRequiredService<KafkaClientFactory>();
        IReadOnlyList<Posterior> posteriors = await CatalogueStream.RunAsync(kafka, [.. clusters.Select(c => c.Catalogue)], log, "real-clusters", cancellationToken);
        await app.StopAsync(CancellationToken.None);

        var byId = posteriors.ToDictionary(p => p.ObjectId, StringComparer.Ordinal);
        RealClusterResult[] results = [.. clusters.Select(c => RealClusterResult.For(c, byId[c.Catalogue.ClusterId], FlatLcdm.Planck18))];
        string modelVersion = posteriors.Select(p => p.ModelVersion).FirstOrDefault() ?? "unknown";
        string markdown = RealClusterReport.Markdown(results, modelVersion);
        if (cutRadiusMpcOverH is { } radius) markdown = $"Spectra cut to R_proj < {radius:G3} h^-1 Mpc (`--cut-radius`): a smaller field of view than the data's.\n\n{markdown}";
        Directory.CreateDirectory(outputFolder);
        await File.WriteAllTextAsync(Path.Combine(outputFolder, MarkdownFile), markdown, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(outputFolder, CsvFile), RealClusterReport.Csv(results), cancellationToken);
        log.WriteLine(markdown);
        log.WriteLine($"real-clusters: wrote {Path.Combine(outputFolder, MarkdownFile)} and {CsvFile}");
        return results;
    }
}
