using MathNet.Numerics.Distributions;
using StreamProcessor.Emulation.Camels;
using StreamProcessor.Emulation.Gp;
using StreamProcessor.Emulation.Profiles;

namespace StreamProcessor.Emulation;

/// <summary>
/// Emulates the mean log10 profiles of a halo of given mass at any point of the 28-parameter prior: per stored kind,
/// PCA coefficients predicted by a Gaussian process (CARPoolGP, Lee et al. 2024, arXiv:2403.10609, when the pair
/// correlation is fitted), and Compton-y derived from the emulated n_gas and T_gas. Thread-safe for prediction.
/// </summary>
public sealed class ProfileEmulator
{
    /// <summary>Profile kinds the emulator predicts, in this order: the four stored ones, then the derived Compton-y.</summary>
    public static readonly IReadOnlyList<ProfileKind> AllKinds =
    [
        ProfileKind.GasDensity, ProfileKind.GasTemperature, ProfileKind.GasMetallicity, ProfileKind.XraySurfaceBrightness, ProfileKind.ComptonY,
    ];

    private const int StackComponents = 32;
    private readonly GaussianProcess[][] _processes;
    private readonly int _mostComponents;
    private readonly double[] _inflation;

    private ProfileEmulator(EmulatorModel model)
    {
        Model = model;
        _processes = [.. model.Kinds.Select(k => k.Hyperparameters.Select((h, c) => GaussianProcess.Condition(model.TrainingInputs, [k.StandardisedCoefficients[c]], model.Partner, h)).ToArray())];
        _mostComponents = model.Kinds.Max(k => k.CoefficientMean.Length);
        _inflation = [.. model.Kinds.SelectMany(k => k.VarianceInflation ?? Enumerable.Repeat(1.0, k.CoefficientMean.Length).ToArray())];
    }

    /// <summary>The stored form of this emulator.</summary>
    public EmulatorModel Model { get; }

    /// <summary>Number of radial bins of every profile.</summary>
    public int Bins => Model.RadiiKpc.Count;

    /// <summary>Rebuilds an emulator from its stored form (re-conditions every GP: one Cholesky per kind).</summary>
    public static ProfileEmulator FromModel(EmulatorModel model) => new(model);

    /// <summary>
    /// Fits PCA bases and GP hyper-parameters on the halos <paramref name="rows"/> of <paramref name="data"/> (kinds in
    /// parallel; the result does not depend on the thread count).
    /// </summary>
    public static ProfileEmulator Fit(CamelsZoomDataset data, IReadOnlyList<int> rows, EmulatorFitOptions options, IProgress<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        double massMin = rows.Min(r => data.Halos[r].Log10HaloMass);
        double massMax = rows.Max(r => data.Halos[r].Log10HaloMass);
        double[][] inputs = [.. rows.Select(r => UnitInputs(data.Parameters, massMin, massMax, data.Halos[r].Parameters, data.Halos[r].Log10HaloMass))];
        int[] partner = Partners(data, rows);
        var stored = CamelsZoomDataset.StoredKinds.Values.ToArray();
        var bases = stored.Select(kind => PrincipalComponents.Fit([.. rows.Select(r => data.Halos[r].Log10Profiles[kind])], options.VarianceFraction, options.MaxComponents)).ToArray();
        var coefficients = stored.Select((kind, k) => Standardise(bases[k], [.. rows.Select(r => data.Halos[r].Log10Profiles[kind])])).ToArray();
        var jobs = Enumerable.Range(0, stored.Length).SelectMany(k => Enumerable.Range(0, bases[k].Components.Length).Select(c => (Kind: k, Component: c))).ToArray();
        var fits = new GpFitter.Result[jobs.Length];
        Parallel.For(0, jobs.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, j =>
        {
            var started = DateTime.UtcNow;
            var (k, c) = jobs[j];
            fits[j] = GpFitter.Fit(inputs, [coefficients[k].Standardised[c]], partner, options.CarPool, options.MaxIterations);
            var h = fits[j].Hyperparameters;
            log?.Report($"emulator {ProfileLayout.ShortName(stored[k])} component {c + 1}/{bases[k].Components.Length} ({bases[k].ExplainedVariance[c]:P1} of the variance): " +
                $"noise {h.NoiseVariance:G3}, rho {h.PairCorrelation:F3}, shortest length scale {h.LengthScales.Min():G3}, -ln L {fits[j].NegativeLogLikelihood:F1}, " +
                $"{fits[j].Evaluations} evaluations, {(DateTime.UtcNow - started).TotalSeconds:F0} s");
        });

        var kinds = stored.Select((kind, k) =>
        {
            var own = jobs.Select((job, j) => (job, fit: fits[j])).Where(x => x.job.Kind == k).Select(x => x.fit).ToArray();
            return new EmulatorKind(kind, bases[k], coefficients[k].Mean, coefficients[k].Std,
                [.. own.Select(f => f.Hyperparameters)], coefficients[k].Standardised, [.. own.Select(f => f.NegativeLogLikelihood)]);
        }).ToArray();

        var model = new EmulatorModel(data.Parameters, massMin, massMax, data.RadiiKpc, [.. rows.Select(r => data.Halos[r].ZoomId)], inputs, partner, options.CarPool, kinds);
        return new ProfileEmulator(model);
    }

    /// <summary>
    /// The same bases and hyper-parameters as <paramref name="template"/>, conditioned on other halos (cross-validation:
    /// each fold re-conditions on the pairs it keeps).
    /// </summary>
    public static ProfileEmulator Condition(EmulatorModel template, CamelsZoomDataset data, IReadOnlyList<int> rows)
    {
        double[][] inputs = [.. rows.Select(r => UnitInputs(template.Parameters, template.Log10MassMin, template.Log10MassMax, data.Halos[r].Parameters, data.Halos[r].Log10HaloMass))];
        var kinds = template.Kinds.Select(k =>
        {
            double[][] coefficients = [.. rows.Select(r => k.Basis.Project(data.Halos[r].Log10Profiles[k.Kind]))];
            double[][] standardised = [.. Enumerable.Range(0, k.CoefficientMean.Length)
                .Select(c => coefficients.Select(row => (row[c] - k.CoefficientMean[c]) / k.CoefficientStd[c]).ToArray())];
            return k with { StandardisedCoefficients = standardised };
        }).ToList();
        return new ProfileEmulator(template with
        {
            TrainingZoomIds = [.. rows.Select(r => data.Halos[r].ZoomId)],
            TrainingInputs = inputs,
            Partner = Partners(data, rows),
            Kinds = kinds,
        });
    }

    /// <summary>Unit-cube input of a halo: each parameter over its prior, then log10 mass over the emulator's range.</summary>
    public double[] UnitInputs(IReadOnlyList<double> parameters, double log10Mass) =>
        UnitInputs(Model.Parameters, Model.Log10MassMin, Model.Log10MassMax, parameters, log10Mass);

    /// <summary>
    /// log10 profiles of every kind of <see cref="AllKinds"/> at <paramref name="unitInput"/>, kind-major into
    /// <paramref name="destination"/> (5 x <see cref="Bins"/> values).
    /// </summary>
    public void PredictLog10(ReadOnlySpan<double> unitInput, Span<double> destination) => PredictLog10(unitInput, destination, null, 0);

    /// <summary>
    /// log10 profiles of one draw of a stack of <paramref name="halosPerStack"/> halos at <paramref name="unitInput"/>
    /// rather than their mean: each PCA coefficient moves by a Gaussian draw of its GP's fitted halo-to-halo variance
    /// sigma_n^2 (the noise term of the CARPool kernel, Lee et al. 2024, arXiv:2403.10609, sect. 3) divided by the number
    /// of halos. The scatter is averaged in log10, which is exact for one halo; for a stack of many it leaves out the
    /// small ln(10) sigma^2 / 2 offset of a linear mean. Given <paramref name="emulatorVariances"/> (from
    /// <see cref="EmulatorVariances"/>), each coefficient also draws the GP's predictive variance of the mean at that point
    /// (Rasmussen &amp; Williams 2006, Eq. 2.26), which no number of halos averages away: training on such draws
    /// marginalises over the emulator's own uncertainty (drawn independently per stack, not as one smooth function).
    /// With the emulator's error the whole variance of a draw is scaled by the model's cross-validated
    /// <see cref="VarianceInflation"/>, which makes it honest for single halos; held-out data cannot tell which of the two
    /// terms is understated, so for larger stacks the scaling of the halo term is an assumption (a conservative one). Where
    /// a kind has heavy tails (<see cref="EmulatorKind.TailDegreesOfFreedom"/>), each of the stack's halos draws one weight
    /// for all of that kind's components (<see cref="HaloTails"/>), which scales the halo term.
    /// Variance beyond the PCA basis (0.5 %) is not drawn.
    /// </summary>
    /// <param name="unitInput">Emulator input in the unit cube.</param>
    /// <param name="destination">Kind-major profiles, 5 x <see cref="Bins"/> values.</param>
    /// <param name="scatter">Source of the draws; null for the mean profile.</param>
    /// <param name="halosPerStack">Halos in the stack (1: a single halo); ignored without <paramref name="scatter"/>.</param>
    /// <param name="emulatorVariances">Empty, or the predictive variance of every process at <paramref name="unitInput"/>
    /// (kind-major, then component); ignored without <paramref name="scatter"/>.</param>
    public void PredictLog10(ReadOnlySpan<double> unitInput, Span<double> destination, Random? scatter, int halosPerStack, ReadOnlySpan<double> emulatorVariances = default)
    {
        if (scatter is not null)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(halosPerStack, 1);
        }

        int bins = Bins;
        int process = 0;
        Span<double> coefficients = _mostComponents <= StackComponents ? stackalloc double[StackComponents] : new double[_mostComponents];
        for (int k = 0; k < Model.Kinds.Count; k++)
        {
            var kind = Model.Kinds[k];
            int count = kind.CoefficientMean.Length;
            double tailWeight = scatter is not null && !emulatorVariances.IsEmpty && kind.TailDegreesOfFreedom is { } nu
                ? HaloTails.MeanWeight(scatter, nu, halosPerStack)
                : 1.0;
            for (int c = 0; c < count; c++)
            {
                _processes[k][c].PredictMeans(unitInput, coefficients.Slice(c, 1));
                if (scatter is not null)
                {
                    double variance = emulatorVariances.IsEmpty
                        ? kind.Hyperparameters[c].NoiseVariance / halosPerStack
                        : _inflation[process + c] * ((tailWeight * kind.Hyperparameters[c].NoiseVariance / halosPerStack) + emulatorVariances[process + c]);
                    coefficients[c] += Math.Sqrt(variance) * Normal.Sample(scatter, 0, 1);
                }

                coefficients[c] = kind.CoefficientMean[c] + (kind.CoefficientStd[c] * coefficients[c]);
            }

            kind.Basis.Reconstruct(coefficients[..count], destination.Slice(IndexOf(kind.Kind) * bins, bins));
            process += count;
        }

        var y = ComptonY.FromGas(Model.RadiiKpc, destination.Slice(IndexOf(ProfileKind.GasDensity) * bins, bins), destination.Slice(IndexOf(ProfileKind.GasTemperature) * bins, bins));
        var ySlice = destination.Slice(IndexOf(ProfileKind.ComptonY) * bins, bins);
        for (int i = 0; i < bins; i++)
        {
            ySlice[i] = ProfileLayout.Log10Floored(ProfileKind.ComptonY, y[i]);
        }
    }

    /// <summary>
    /// The GP predictive mean of every process at <paramref name="unitInput"/> in standardised coefficient units
    /// (kind-major, then component), the space in which the processes' noise and predictive variances are stated.
    /// </summary>
    public double[] PredictStandardisedCoefficients(ReadOnlySpan<double> unitInput)
    {
        var means = new double[ProcessCount];
        int process = 0;
        foreach (var processes in _processes)
        {
            foreach (var gp in processes)
            {
                gp.PredictMeans(unitInput, means.AsSpan(process++, 1));
            }
        }

        return means;
    }

    /// <summary>
    /// Per process (kind-major, then component), the factor on the variance of draws with the emulator's error: the
    /// model's cross-validated inflation, 1 where it has none.
    /// </summary>
    public IReadOnlyList<double> VarianceInflation => _inflation;

    /// <summary>Number of Gaussian processes (PCA components over all stored kinds).</summary>
    public int ProcessCount => Model.Kinds.Sum(k => k.CoefficientMean.Length);

    /// <summary>
    /// Predictive variance of every process (kind-major, then component; standardised units) at each of
    /// <paramref name="unitInputs"/>: [point][process]. Batched: one pass over each process's Cholesky factor.
    /// </summary>
    public double[][] EmulatorVariances(IReadOnlyList<double[]> unitInputs)
    {
        double[][] variances = [.. unitInputs.Select(_ => new double[ProcessCount])];
        var column = new double[unitInputs.Count];
        int process = 0;
        foreach (var processes in _processes)
        {
            foreach (var gp in processes)
            {
                gp.PredictVariances(unitInputs, column);
                for (int p = 0; p < column.Length; p++)
                {
                    variances[p][process] = column[p];
                }

                process++;
            }
        }

        return variances;
    }

    /// <summary>Position of <paramref name="kind"/> in <see cref="AllKinds"/>.</summary>
    public static int IndexOf(ProfileKind kind) => kind switch
    {
        ProfileKind.GasDensity => 0,
        ProfileKind.GasTemperature => 1,
        ProfileKind.GasMetallicity => 2,
        ProfileKind.XraySurfaceBrightness => 3,
        ProfileKind.ComptonY => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static double[] UnitInputs(IReadOnlyList<CamelsParameter> priors, double massMin, double massMax, IReadOnlyList<double> parameters, double log10Mass)
    {
        if (parameters.Count != priors.Count)
        {
            throw new ArgumentException($"Need {priors.Count} parameters, got {parameters.Count}.", nameof(parameters));
        }

        var unit = new double[priors.Count + 1];
        for (int p = 0; p < priors.Count; p++)
        {
            unit[p] = priors[p].ToUnit(parameters[p]);
        }

        unit[^1] = (log10Mass - massMin) / (massMax - massMin);
        return unit;
    }

    /// <summary>For each row, the index (within <paramref name="rows"/>) of the other halo with the same seed, or -1.</summary>
    private static int[] Partners(CamelsZoomDataset data, IReadOnlyList<int> rows)
    {
        var bySeed = Enumerable.Range(0, rows.Count).GroupBy(i => data.Halos[rows[i]].Seed).ToList();
        var partner = Enumerable.Repeat(-1, rows.Count).ToArray();
        foreach (var group in bySeed.Where(g => g.Count() == 2))
        {
            partner[group.First()] = group.Last();
            partner[group.Last()] = group.First();
        }

        return partner;
    }

    private static (double[][] Standardised, double[] Mean, double[] Std) Standardise(PrincipalComponents basis, double[][] profiles)
    {
        double[][] coefficients = [.. profiles.Select(p => basis.Project(p))];
        int count = basis.Components.Length;
        double[] mean = [.. Enumerable.Range(0, count).Select(c => coefficients.Average(row => row[c]))];
        double[] std = [.. Enumerable.Range(0, count).Select(c => Math.Sqrt(coefficients.Average(row => Math.Pow(row[c] - mean[c], 2))))];
        double[][] standardised = [.. Enumerable.Range(0, count).Select(c => coefficients.Select(row => (row[c] - mean[c]) / std[c]).ToArray())];
        return (standardised, mean, std);
    }
}
