using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Cosmology;
using StreamProcessor.Dynamics.Mocks;
using CatalogueSurvey = StreamProcessor.Ingestion.Demo.DemoSurvey;
using StreamProcessor.Kafka;
using StreamProcessor.MassFunctionAggregation;

namespace StreamProcessor.PipelineHost.Science;

/// <summary>
/// <c>pipeline calibrate-selection</c>: the survey's selection function and mass–observable relation measured the way
/// a survey calibrates them, on simulations. At every (true log10 M200c, z) node haloes are simulated
/// (<see cref="ScienceSimulator"/>, Planck 2018 as the fiducial cosmology), the catalogues that pass the simulator's
/// richness cut go through the real catalogue path (phase-space limits, then the CNN) on the embedded broker, and the
/// node records how many haloes were accepted (completeness) and the residuals log10 M_obs − log10 M_true of the
/// accepted ones (the CNN's bias and scatter given selection, including its pull toward the prior below the training range).
/// </summary>
public static class SelectionCalibrationRun
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Runs the calibration and writes <see cref="SelectionCalibrationOptions.OutputPath"/>.</summary>
    public static async Task<SelectionCalibration> RunAsync(SelectionCalibrationOptions options, string[] serviceArgs, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        double[] masses = options.MassNodes();
        double[] redshifts = options.RedshiftNodeValues();
        int nodeCount = masses.Length * redshifts.Length;
        var haloesPerNode = new int[nodeCount];
        var firstHalo = new int[nodeCount];
        int total = 0;
        for (int node = 0; node < nodeCount; node++)
        {
            haloesPerNode[node] = masses[node / redshifts.Length] < options.LowMassLimitLog10M ? options.LowMassHaloesPerNode : options.HaloesPerNode;
            firstHalo[node] = total;
            total += haloesPerNode[node];
        }

        // 1. Simulate every halo (deterministic per index), keep the catalogues that pass the simulator's richness cut.
        var clock = Stopwatch.StartNew();
        MockCatalogueSimulator simulator = ScienceSimulator.Create(FlatLcdm.Planck18);
        var nodeOfHalo = new int[total];
        for (int node = 0; node < nodeCount; node++)
        {
            for (int k = 0; k < haloesPerNode[node]; k++) nodeOfHalo[firstHalo[node] + k] = node;
        }

        var drawn = new ClusterCatalogue?[total];
        Parallel.For(0, total, new ParallelOptions { CancellationToken = cancellationToken }, index =>
        {
            int node = nodeOfHalo[index];
            HaloDraw draw = simulator.SimulateHalo(index, options.Seed, masses[node / redshifts.Length], redshifts[node % redshifts.Length]);
            if (draw.Contaminated.Count == 0) return;
            drawn[index] = CatalogueSurvey.ToCatalogue(
                draw.Contaminated[0], Id(index), "calibration", (index * 0.01) % 360.0, 10.0, Epoch.AddMilliseconds(index), simulator.Options.Cosmology);
        });
        List<ClusterCatalogue> catalogues = [.. drawn.OfType<ClusterCatalogue>()];
        Log(log, $"simulated {total:N0} haloes on {masses.Length} x {redshifts.Length} nodes (seed {options.Seed}) in {clock.Elapsed.TotalSeconds:F1} s; " +
            $"{catalogues.Count:N0} pass the simulator's richness cut");

        // 2. Through the real catalogue path (phase-space, mass-inference) on the embedded broker.
        await using var app = CataloguePathHost.Build(serviceArgs, withMassFunction: false);
        await app.StartAsync(cancellationToken);
        var kafka = app.Services.GetRequiredService<KafkaClientFactory>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        IReadOnlyList<Posterior> posteriors = await CatalogueStream.RunAsync(kafka, catalogues, log, "calibrate-selection", timeout.Token);
        await app.StopAsync(CancellationToken.None);

        // 3. Tabulate per node.
        var accepted = new int[nodeCount];
        var residuals = Enumerable.Range(0, nodeCount).Select(_ => new List<double>()).ToArray();
        Posterior? example = null;
        foreach (Posterior p in posteriors)
        {
            if (p.Status != RecordStatus.Accepted || p.Log10M200c is not double mean) continue;
            int index = int.Parse(p.ObjectId.AsSpan("calib-".Length), CultureInfo.InvariantCulture);
            int node = nodeOfHalo[index];
            accepted[node]++;
            residuals[node].Add(Math.Round(mean - masses[node / redshifts.Length], 5));
            example ??= p;
        }

        if (example is null) throw new InvalidOperationException("no posterior was accepted");
        var calibration = new SelectionCalibration
        {
            Provenance = string.Create(CultureInfo.InvariantCulture,
                $"pipeline calibrate-selection: MockCatalogueSimulator (Planck 2018, one x-axis line of sight, contaminated, flux limit, N >= 11), " +
                $"haloes at fixed (log10 M200c, z) nodes, {options.HaloesPerNode} per node ({options.LowMassHaloesPerNode} below log10 M {options.LowMassLimitLog10M}), seed {options.Seed}; " +
                $"catalogues through phase-space and mass-inference on the embedded broker; accepted = posterior status accepted; residual = posterior mean - true log10 M200c; " +
                $"{DateTime.UtcNow:yyyy-MM-dd}"),
            ModelVersion = $"{example.ModelName} {example.ModelVersion}",
            ModelCardSha256 = example.ModelCardSha256,
            Seed = options.Seed,
            Log10MassFloor = options.Log10MassMin,
            Log10Masses = masses,
            Redshifts = redshifts,
            Simulated = haloesPerNode,
            Accepted = accepted,
            Completeness = [.. Enumerable.Range(0, nodeCount).Select(n => Math.Round((double)accepted[n] / haloesPerNode[n], 5))],
            MeanResidualDex = [.. residuals.Select(r => r.Count > 0 ? Math.Round(r.Average(), 5) : 0.0)],
            ResidualScatterDex = [.. residuals.Select(r => r.Count > 1 ? Math.Round(StandardDeviation(r), 5) : 0.0)],
            Residuals = [.. residuals.Select(r => r.ToArray())],
        };
        calibration.Save(options.OutputPath);
        Print(calibration, log);
        Log(log, $"wrote {options.OutputPath}");
        return calibration;
    }

    private static string Id(int index) => string.Create(CultureInfo.InvariantCulture, $"calib-{index:D7}");

    private static double StandardDeviation(List<double> values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    /// <summary>Completeness, mean residual and scatter per node, one line per mass.</summary>
    private static void Print(SelectionCalibration c, TextWriter log)
    {
        int nz = c.Redshifts.Length;
        log.WriteLine("  log10 M  " + string.Join("  ", c.Redshifts.Select(z => string.Create(CultureInfo.InvariantCulture, $"z={z:F3}: C   bias  sigma"))));
        for (int i = 0; i < c.Log10Masses.Length; i++)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {c.Log10Masses[i],6:F2}  ") + string.Join("  ", Enumerable.Range(0, nz).Select(j =>
            {
                int n = (i * nz) + j;
                return string.Create(CultureInfo.InvariantCulture, $"{c.Completeness[n],11:F3} {c.MeanResidualDex[n],+6:F3} {c.ResidualScatterDex[n],5:F3}");
            })));
        }
    }

    private static void Log(TextWriter log, string message) => log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} calibrate-selection: {message}");
}
