using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using StreamProcessor.Abundance;
using StreamProcessor.Abundance.Mocks;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Cosmology;
using StreamProcessor.Dynamics.Mocks;
using StreamProcessor.Hosting.Health;
using StreamProcessor.Kafka;
using StreamProcessor.MassFunctionAggregation;
using StreamProcessor.MassFunctionAggregation.Check;
using CatalogueSurvey = StreamProcessor.Ingestion.Demo.DemoSurvey;

namespace StreamProcessor.PipelineHost.Science;

/// <summary>
/// <c>pipeline science-check</c>: the end-to-end science check with full physics. A light cone is drawn from Tinker+08
/// at the chosen cosmology (<see cref="MockSurveyDrawer"/>) down to the calibration's candidate floor (10^13, a dex
/// below the completeness limit, so up-scatter is real); every halo gets a contaminated member catalogue from the
/// dynamics simulator; the catalogues go through phase-space and the CNN on the embedded broker and the posteriors into
/// the real massfunction service, configured with the calibrated selection and mass–observable relation
/// (<c>pipeline calibrate-selection</c>); the massfunction records are read back and checked with
/// <see cref="ScienceCriteria"/>, and the check fails if the posteriors come from another model than the calibration's.
/// </summary>
public static class ScienceCheck
{
    /// <summary>Survey name of the mock.</summary>
    public const string SurveyName = "science";

    private static readonly DateTimeOffset Epoch = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Runs the check; <paramref name="serviceArgs"/> go to the catalogue path's host (e.g. --MassInference:ModelPath).</summary>
    public static async Task<ScienceCheckResult> RunAsync(ScienceCheckOptions options, string[] serviceArgs, TextWriter log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var wall = Stopwatch.StartNew();
        FlatLcdm truth = options.Cosmology.ToFlatLcdm().Validated();
        SurveyOptions survey = Survey(options, truth);
        var serviceOptions = new MassFunctionOptions { Surveys = [survey], UpdateEveryPosteriors = 5000, UpdateInterval = TimeSpan.FromSeconds(1), GroupId = "science-check" };
        if (new MassFunctionOptionsValidator().Validate(null, serviceOptions) is { Failed: true } invalid)
        {
            throw new InvalidOperationException($"the science survey's massfunction options do not validate: {invalid.FailureMessage}");
        }

        SelectionCalibration calibration = survey.LoadSelectionCalibration()
            ?? SelectionCalibration.LoadValidated(options.CalibrationPath, options.ResidualSmoothingDex);
        Log(log, string.Create(CultureInfo.InvariantCulture,
            $"{options.Cosmology} (Omega_m {truth.OmegaM}, sigma8 {truth.Sigma8}), {options.SkyAreaDeg2:F0} deg2, z {options.RedshiftEdges[0]}-{options.RedshiftEdges[^1]}, seed {options.Seed}; " +
            $"calibration {options.CalibrationPath} (seed {calibration.Seed}); fit from log10 M {survey.CompletenessLimitLog10Mass:F1}"));

        // 1. The universe: a light cone above the candidate floor, and a member catalogue per halo.
        var clock = Stopwatch.StartNew();
        IReadOnlyList<MockHalo> haloes = MockSurveyDrawer.Draw(truth, new MockSurveyOptions
        {
            SkyAreaDeg2 = options.SkyAreaDeg2,
            RedshiftMin = options.RedshiftEdges[0],
            RedshiftMax = options.RedshiftEdges[^1],
            Log10MassMin = calibration.Log10MassFloor,
            Log10MassMax = options.LightConeLog10MassMax,
            Seed = options.Seed,
            IdPrefix = $"science-{options.Cosmology.ToString().ToLowerInvariant()}",
        });
        IReadOnlyList<ClusterCatalogue> catalogues = Catalogues(haloes, truth, (ulong)options.Seed + 1000, cancellationToken);
        Log(log, string.Create(CultureInfo.InvariantCulture,
            $"light cone: {haloes.Count:N0} haloes above 10^{calibration.Log10MassFloor:F1} ({haloes.Count(h => h.Log10M200c >= 14):N0} above 10^14); " +
            $"{catalogues.Count:N0} member catalogues pass the simulator's richness cut (simulated in {clock.Elapsed.TotalSeconds:F1} s)"));

        // 2. The catalogue path and the massfunction service on the embedded broker.
        await using var app = CataloguePathHost.Build(serviceArgs, withMassFunction: false);
        await app.StartAsync(cancellationToken);
        var kafka = app.Services.GetRequiredService<KafkaClientFactory>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        var updateCodec = new MassFunctionUpdateCodec();
        var service = new MassFunctionService(
            serviceOptions,
            new PosteriorCodec(), updateCodec, kafka, new WorkerHealth(TimeProvider.System), NullLogger<MassFunctionService>.Instance);
        clock.Restart();
        await service.StartAsync(timeout.Token);
        await service.Rebuilt.WaitAsync(timeout.Token);
        Log(log, $"massfunction service ready (theory and fit grid built) in {clock.Elapsed.TotalSeconds:F1} s");

        IReadOnlyList<Posterior> posteriors = await CatalogueStream.RunAsync(kafka, catalogues, log, "science-check", timeout.Token);
        IReadOnlyList<MassFunctionUpdate> final = await MassFunctionTopicReader.ReadUpdatesAsync(
            kafka, updateCodec, options.RedshiftEdges.Length - 1, u => u.Survey == SurveyName && u.NPosteriors == posteriors.Count, timeout.Token);
        await service.StopAsync(CancellationToken.None);
        await app.StopAsync(CancellationToken.None);

        // 3. The criteria.
        ScienceCriteriaResult criteria = ScienceCriteria.Evaluate(final, truth);
        var failures = new List<string>(criteria.Failures);
        List<Posterior> accepted = [.. posteriors.Where(p => p.Status == RecordStatus.Accepted)];
        if (accepted.Select(calibration.ModelMismatch).FirstOrDefault(m => m is not null) is { } mismatch) failures.Add(mismatch);

        var truthParameters = new CosmologyParameters(truth.OmegaM, truth.OmegaB, truth.LittleH, truth.Ns, truth.Sigma8);
        var result = new ScienceCheckResult(
            options.Cosmology, truthParameters, options.Seed, options.SkyAreaDeg2, haloes.Count, catalogues.Count, accepted.Count,
            final[0].CompletenessLimitLog10M, final, criteria, wall.Elapsed.TotalSeconds, failures);
        Print(result, log);
        if (options.OutputFolder is { } folder)
        {
            string name = options.Cosmology.ToString().ToLowerInvariant();
            foreach (string path in MassFunctionCheckReport.Write(folder, $"science-check-{name}", $"full-physics {name} mock ({accepted.Count} clusters)",
                final, criteria.CosmologyPosterior, truthParameters, MassFunctionCheckReport.ToJson(result)))
            {
                Log(log, $"wrote {path}");
            }
        }

        return result;
    }

    /// <summary>
    /// The survey, configured the way a deployment configures it: <see cref="SurveyOptions.SelectionCalibrationFile"/>
    /// names the calibration (tabulated completeness, zero below the floor; empirical mass–observable relation), plus
    /// the fit limit. The two controls (<see cref="ScienceCheckOptions.UseCalibratedMassObservable"/> false,
    /// <see cref="ScienceCheckOptions.ResidualShiftDex"/> non-zero) alter the file's relation, so they set it explicitly.
    /// </summary>
    public static SurveyOptions Survey(ScienceCheckOptions options, FlatLcdm truth)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(truth);
        var survey = new SurveyOptions
        {
            Name = SurveyName,
            SkyAreaDeg2 = options.SkyAreaDeg2,
            RedshiftEdges = options.RedshiftEdges,
            Log10MassEdges = options.Log10MassEdges,
            SelectionCalibrationFile = options.CalibrationPath,
            SelectionCalibrationSmoothingDex = options.ResidualSmoothingDex,
            BaseCosmology = CosmologyOptions.From(truth),
            TrueCosmology = CosmologyOptions.From(truth),
            WarmScatterDex = 0.1,
        };
        if (!options.UseCalibratedMassObservable || options.ResidualShiftDex != 0)
        {
            SurveyOptions inline = survey.WithSelectionCalibration(survey.LoadSelectionCalibration()!);
            survey = inline with
            {
                MassObservable = !options.UseCalibratedMassObservable ? null
                    : inline.MassObservable! with { Residuals = [.. inline.MassObservable!.Residuals.Select(r => r.Select(x => x + options.ResidualShiftDex).ToArray())] },
            };
        }

        // The fit limit: the lowest edge from which the calibrated completeness is ≥ the threshold at every redshift
        // (SurveyConfiguration's rule), and no lower than the CNN's documented domain.
        SurveyConfiguration configuration = survey.ToConfiguration() with { FitCompletenessThreshold = options.FitCompletenessThreshold };
        double completeFrom = options.Log10MassEdges[configuration.FitFirstMassBin()];
        double domainFrom = options.Log10MassEdges.First(e => e >= options.CnnDomainLog10MassMin - 1e-9);
        return survey with { CompletenessLimitLog10Mass = Math.Max(completeFrom, domainFrom) };
    }

    /// <summary>One contaminated catalogue per halo that passes the richness cut, at the halo's sky position; deterministic per halo index.</summary>
    private static IReadOnlyList<ClusterCatalogue> Catalogues(IReadOnlyList<MockHalo> haloes, FlatLcdm truth, ulong simulatorSeed, CancellationToken cancellationToken)
    {
        MockCatalogueSimulator simulator = ScienceSimulator.Create(truth);
        var catalogues = new ClusterCatalogue?[haloes.Count];
        Parallel.For(0, haloes.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            MockHalo halo = haloes[i];
            HaloDraw draw = simulator.SimulateHalo(i, simulatorSeed, halo.Log10M200c, halo.Redshift);
            if (draw.Contaminated.Count == 0) return;
            catalogues[i] = CatalogueSurvey.ToCatalogue(draw.Contaminated[0], halo.HaloId, SurveyName, halo.RaDeg, halo.DecDeg, Epoch.AddMilliseconds(i), truth);
        });
        return [.. catalogues.OfType<ClusterCatalogue>()];
    }

    private static void Print(ScienceCheckResult r, TextWriter log)
    {
        Log(log, string.Create(CultureInfo.InvariantCulture,
            $"summary: {r.HaloesDrawn:N0} haloes, {r.CataloguesPublished:N0} catalogues published, {r.PosteriorsAccepted:N0} posteriors accepted; wall {r.WallSeconds:F0} s"));
        ScienceCriteria.Print(r.Criteria, r.Truth, r.CompletenessLimitLog10M, log, perBin: true);
        foreach (string failure in r.Failures) log.WriteLine($"FAIL: {failure}");
        log.WriteLine(r.Passed ? "science check PASSED" : "science check FAILED");
    }

    private static void Log(TextWriter log, string message) => log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} science-check: {message}");
}
