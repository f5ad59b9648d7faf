using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.Torch.Training.Search;

/// <summary>
/// Minimises an objective over a <see cref="SearchSpace"/> with the Tree-structured Parzen Estimator: J. Bergstra,
/// R. Bardenet, Y. Bengio and B. Kegl, "Algorithms for Hyper-Parameter Optimization", NeurIPS 24 (2011), section 4.
/// </summary>
/// <remarks>
/// <para>After <see cref="TpeOptions.StartupTrials"/> prior draws, each step sorts the finished trials, takes the
/// best ceil(gamma n) as "good" and the rest as "bad", fits per axis a Parzen density l(x) to the good and g(x) to the
/// bad values (<see cref="ParzenEstimator"/>), draws <see cref="TpeOptions.Candidates"/> points from l and runs the
/// one with the largest l(x)/g(x), which maximises expected improvement over the gamma-quantile (ibid., Eq. 3-4).
/// Axes are independent (the paper's tree has no conditional nodes here). No .NET package on NuGet offers TPE.</para>
/// <para>Deterministic from the seed: one <see cref="Random"/>(seed) drives every draw, and the objective's values
/// alone steer the search (never its wall time, which is only recorded).</para>
/// <para>A trial whose objective throws, or returns NaN or an infinity, is recorded with +infinity and the search goes
/// on: one diverging configuration must not lose the budget already spent. Such trials rank last, so they count as
/// "bad". <see cref="OperationCanceledException"/> is not caught: cancelling stops the search.</para>
/// </remarks>
public static class HyperparameterSearch
{
    /// <summary>Report method of <see cref="Run"/>.</summary>
    public const string TpeMethod = "TPE (Bergstra et al. 2011)";

    /// <summary>Report method of <see cref="RunRandom"/>.</summary>
    public const string RandomMethod = "Random search (Bergstra & Bengio 2012)";

    /// <summary>Runs <paramref name="budget"/> trials of TPE and reports them all.</summary>
    /// <param name="space">The axes searched.</param>
    /// <param name="budget">Number of trials (objective calls).</param>
    /// <param name="seed">Seed of every draw.</param>
    /// <param name="objective">Maps a configuration (by axis name) to the value to minimise.</param>
    /// <param name="progress">Told after each trial.</param>
    /// <param name="options">TPE settings; defaults if null.</param>
    /// <param name="objectiveName">What the objective is, for the report, e.g. "validation moment loss".</param>
    /// <param name="timeProvider">Clock for each trial's recorded wall time; the system clock if null.</param>
    /// <returns>Every trial in order, and the index of the lowest objective (the first on ties; if every trial failed,
    /// trial 0 with +infinity, which callers must check).</returns>
    public static HyperparameterSearchReport Run(
        SearchSpace space,
        int budget,
        int seed,
        Func<IReadOnlyDictionary<string, double>, double> objective,
        IProgress<HyperparameterSearchProgress>? progress = null,
        TpeOptions? options = null,
        string objectiveName = "objective",
        TimeProvider? timeProvider = null)
    {
        options ??= new TpeOptions();
        options.Validate();
        return RunCore(space, budget, seed, objective, progress, options, TpeMethod, objectiveName, timeProvider);
    }

    /// <summary>
    /// Runs <paramref name="budget"/> trials drawn from the prior only (J. Bergstra and Y. Bengio, "Random Search for
    /// Hyper-Parameter Optimization", JMLR 13, 281-305 (2012)): the baseline TPE must beat. Same draws as the startup
    /// trials of <see cref="Run"/> with the same seed.
    /// </summary>
    public static HyperparameterSearchReport RunRandom(
        SearchSpace space,
        int budget,
        int seed,
        Func<IReadOnlyDictionary<string, double>, double> objective,
        IProgress<HyperparameterSearchProgress>? progress = null,
        string objectiveName = "objective",
        TimeProvider? timeProvider = null)
    {
        var options = new TpeOptions { StartupTrials = Math.Max(1, budget) };
        return RunCore(space, budget, seed, objective, progress, options, RandomMethod, objectiveName, timeProvider);
    }

    private static HyperparameterSearchReport RunCore(
        SearchSpace space,
        int budget,
        int seed,
        Func<IReadOnlyDictionary<string, double>, double> objective,
        IProgress<HyperparameterSearchProgress>? progress,
        TpeOptions options,
        string method,
        string objectiveName,
        TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(objectiveName);
        var clock = timeProvider ?? TimeProvider.System;
        var random = new Random(seed);
        var coordinates = new List<double[]>(budget);
        var trials = new List<HyperparameterTrial>(budget);
        var best = 0;

        for (var t = 0; t < budget; t++)
        {
            double[] proposal = t < options.StartupTrials
                ? SamplePrior(space, random)
                : SuggestTpe(space, coordinates, trials, options, random);
            var parameters = new Dictionary<string, double>(space.Dimensions.Count, StringComparer.Ordinal);
            for (var d = 0; d < space.Dimensions.Count; d++)
            {
                var dimension = space.Dimensions[d];
                double value = dimension.FromInternal(proposal[d]);
                parameters[dimension.Name] = value;
                // Fit later densities to what was actually run (the rounded integer, the clamped value).
                proposal[d] = dimension.ToInternal(value);
            }

            var (objectiveValue, failure, seconds) = Evaluate(objective, parameters, clock);
            var trial = new HyperparameterTrial(parameters.AsReadOnly(), objectiveValue, seconds);
            coordinates.Add(proposal);
            trials.Add(trial);
            if (trial.Objective < trials[best].Objective)
            {
                best = t;
            }

            progress?.Report(new HyperparameterSearchProgress(t, budget, trial, best, failure));
        }

        return new HyperparameterSearchReport(method, seed, budget, objectiveName, trials, best);
    }

    private static (double Objective, string? Failure, double Seconds) Evaluate(
        Func<IReadOnlyDictionary<string, double>, double> objective, IReadOnlyDictionary<string, double> parameters, TimeProvider clock)
    {
        long start = clock.GetTimestamp();
        double value;
        string? failure = null;
        try
        {
            value = objective(parameters);
            if (!double.IsFinite(value))
            {
                failure = $"objective returned {value}";
                value = double.PositiveInfinity;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed configuration is a result of the search (recorded as +infinity), not a broken search.
            failure = $"{ex.GetType().Name}: {ex.Message}";
            value = double.PositiveInfinity;
        }

        return (value, failure, clock.GetElapsedTime(start).TotalSeconds);
    }

    /// <summary>Uniform in every axis's internal coordinate: uniform, log-uniform, or equal odds per integer.</summary>
    private static double[] SamplePrior(SearchSpace space, Random random) =>
        space.Dimensions.Select(d => d.InternalLow + (random.NextDouble() * (d.InternalHigh - d.InternalLow))).ToArray();

    private static double[] SuggestTpe(
        SearchSpace space, List<double[]> coordinates, List<HyperparameterTrial> trials, TpeOptions options, Random random)
    {
        // Stable ranking (ties keep trial order) so the split is reproducible.
        int[] ranked = Enumerable.Range(0, trials.Count).OrderBy(i => trials[i].Objective).ThenBy(i => i).ToArray();
        int goodCount = Math.Max(1, (int)Math.Ceiling(options.Gamma * trials.Count));

        var good = new ParzenEstimator[space.Dimensions.Count];
        var bad = new ParzenEstimator[space.Dimensions.Count];
        for (var d = 0; d < space.Dimensions.Count; d++)
        {
            var dimension = space.Dimensions[d];
            var goodValues = ranked.Take(goodCount).Select(i => coordinates[i][d]).ToArray();
            var badValues = ranked.Skip(goodCount).Select(i => coordinates[i][d]).ToArray();
            good[d] = new ParzenEstimator(goodValues, dimension.InternalLow, dimension.InternalHigh, options.PriorWeight);
            bad[d] = new ParzenEstimator(badValues, dimension.InternalLow, dimension.InternalHigh, options.PriorWeight);
        }

        double[]? chosen = null;
        double bestScore = double.NegativeInfinity;
        for (var c = 0; c < options.Candidates; c++)
        {
            var candidate = new double[space.Dimensions.Count];
            double score = 0;
            for (var d = 0; d < candidate.Length; d++)
            {
                var dimension = space.Dimensions[d];
                // Score what would be run: integers rounded, so l and g see the same point the trial will.
                candidate[d] = dimension.ToInternal(dimension.FromInternal(good[d].Sample(random)));
                score += good[d].LogDensity(candidate[d]) - bad[d].LogDensity(candidate[d]);
            }

            if (chosen is null || score > bestScore)
            {
                chosen = candidate;
                bestScore = score;
            }
        }

        return chosen!;
    }
}
