using MathNet.Numerics;
using MathNet.Numerics.Integration;
using StreamProcessor.Cosmology.MassFunction;
using StreamProcessor.Cosmology.PowerSpectrum;

namespace StreamProcessor.Cosmology.Surveys;

/// <summary>
/// Expected cluster counts per (observed log₁₀ M bin i, redshift bin j), the forward model with Eddington bias:
/// N_ij = Ω_sky ∫_{z_j} dz (dV/dz dΩ) ∫ dln M (dn/dln M) C(M, z) P(log₁₀ M_obs ∈ bin i | M),
/// with log₁₀ M_obs ~ Normal(log₁₀ M, σ_dex) (the binned-counts model of Lima &amp; Hu 2005,
/// arXiv:astro-ph/0503363, with a log-normal observable–mass relation). dn/dln M is Tinker+08 (<see cref="HaloMassFunction"/>);
/// dV/dz dΩ is Hogg (1999) Eq. 28. Everything that does not depend on cosmology (nodes, completeness, bin
/// probabilities) is computed once here; everything that depends only on the spectrum shape and Ω_m is
/// computed once per shape and reused for every σ₈ (σ ∝ σ₈).
/// </summary>
public sealed class SurveyExpectation
{
    private readonly double[] _zNodes;
    private readonly double[] _zWeights;
    private readonly int[] _zBinOfNode;
    private readonly double[] _massNodes;
    private readonly double[] _lnMassWeights;
    private readonly double[] _completeness;     // [zNode * massNodeCount + massNode]
    private readonly double[] _binProbability;   // [massBin * massNodeCount + massNode]
    private readonly double[]? _nodeBinProbability; // with a mass–observable relation: [(zNode * massBins + massBin) * massNodeCount + massNode]

    /// <summary>Sets up the quadrature and the cosmology-independent pieces for <paramref name="survey"/>.</summary>
    public SurveyExpectation(SurveyDefinition survey, SurveyQuadrature? quadrature = null)
    {
        ArgumentNullException.ThrowIfNull(survey);
        Survey = survey.Validated();
        Quadrature = (quadrature ?? SurveyQuadrature.Default).Validated();

        (_zNodes, _zWeights, _zBinOfNode) = RedshiftNodes(survey, Quadrature);
        (_massNodes, _lnMassWeights) = MassNodes(survey, Quadrature);

        int nm = _massNodes.Length;
        _completeness = new double[_zNodes.Length * nm];
        for (int k = 0; k < _zNodes.Length; k++)
        {
            for (int m = 0; m < nm; m++)
            {
                double c = survey.Completeness(_massNodes[m], _zNodes[k]);
                if (!(c >= 0 && c <= 1))
                    throw new ArgumentException($"Completeness returned {c} at M = {_massNodes[m]:0.###e0}, z = {_zNodes[k]:0.###}; it must lie in [0, 1].", nameof(survey));
                _completeness[(k * nm) + m] = c;
            }
        }

        _binProbability = new double[survey.MassBinCount * nm];
        if (survey.MassObservable is { } relation)
        {
            _nodeBinProbability = RelationBinProbabilities(survey, relation, _zNodes, _massNodes);
        }

        for (int i = 0; i < survey.MassBinCount && _nodeBinProbability is null; i++)
        {
            for (int m = 0; m < nm; m++)
            {
                _binProbability[(i * nm) + m] = BinProbability(
                    Math.Log10(_massNodes[m]), survey.Log10MassEdges[i], survey.Log10MassEdges[i + 1], survey.ScatterDex);
            }
        }
    }

    /// <summary>The survey.</summary>
    public SurveyDefinition Survey { get; }

    /// <summary>The quadrature settings.</summary>
    public SurveyQuadrature Quadrature { get; }

    /// <summary>Number of true-mass × redshift quadrature nodes per cosmology (a cost indicator).</summary>
    public int NodeCount => _zNodes.Length * _massNodes.Length;

    /// <summary>Expected counts N[massBin, redshiftBin] for <paramref name="cosmology"/>.</summary>
    public double[,] ExpectedCounts(FlatLcdm cosmology)
    {
        ArgumentNullException.ThrowIfNull(cosmology);
        return ExpectedCounts(cosmology, [cosmology.Sigma8])[0];
    }

    /// <summary>
    /// Expected counts N[massBin, redshiftBin] for the cosmologies <c>shape with { Sigma8 = s }</c>, one per
    /// entry of <paramref name="sigma8Values"/>. The σ₈ of <paramref name="shape"/> itself is ignored. This is the
    /// fast path of a grid: the per-shape work (σ table, distances, growth, Tinker parameters) is done once.
    /// </summary>
    public IReadOnlyList<double[,]> ExpectedCounts(FlatLcdm shape, IReadOnlyList<double> sigma8Values)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(sigma8Values);
        foreach (double s8 in sigma8Values)
        {
            _ = (shape with { Sigma8 = s8 }).Validated();
        }

        int nz = _zNodes.Length;
        int nm = _massNodes.Length;
        SigmaTable table = SigmaTable.For(shape);
        double rhoMean = Background.MeanMatterDensityH2MsunPerMpc3(shape);
        double[] volumeWeights = VolumeWeights(shape);

        // Per node: f(σ) = A [(σ/b)^{−a} + 1] e^{−c/σ²} with σ = σ₈ S (S = σ(M, z)/σ₈). Store
        // prefactor = weights × A × (ρ̄/M) |dln σ/dln M| × C, power = (S/b)^{−a}, cutoff = c/S²; then for each
        // σ₈ only σ₈^{−a}, one exponential and a multiply–add remain.
        var prefactor = new double[nz * nm];
        var power = new double[nz * nm];
        var cutoff = new double[nz * nm];
        var slopeA = new double[nz];
        var massFactor = new double[nm];
        var lnSigmaOverSigma8 = new double[nm];
        for (int m = 0; m < nm; m++)
        {
            double mass = _massNodes[m];
            lnSigmaOverSigma8[m] = Math.Log(table.SigmaOverSigma8(mass));
            massFactor[m] = _lnMassWeights[m] * rhoMean / mass * Math.Abs(table.DlnSigmaDlnM(mass));
        }

        for (int k = 0; k < nz; k++)
        {
            double z = _zNodes[k];
            double lnGrowth = Math.Log(LinearGrowth.Factor(z, shape));
            TinkerParameters p = Tinker08.Parameters(Survey.MassDefinition.DeltaMean(z, shape), z);
            slopeA[k] = p.SlopeA;
            double lnB = Math.Log(p.ScaleB);
            for (int m = 0; m < nm; m++)
            {
                int n = (k * nm) + m;
                double lnS = lnSigmaOverSigma8[m] + lnGrowth;
                prefactor[n] = volumeWeights[k] * p.Amplitude * massFactor[m] * _completeness[n];
                power[n] = Math.Exp(-p.SlopeA * (lnS - lnB));
                cutoff[n] = p.CutoffC * Math.Exp(-2.0 * lnS);
            }
        }

        int massBins = Survey.MassBinCount;
        int redshiftBins = Survey.RedshiftBinCount;
        if (_nodeBinProbability is { } nodeBins)
        {
            return RelationCounts(sigma8Values, prefactor, power, cutoff, slopeA, nodeBins, massBins, redshiftBins);
        }

        var results = new double[sigma8Values.Count][,];
        var perBin = new double[redshiftBins * nm];
        for (int s = 0; s < sigma8Values.Count; s++)
        {
            double sigma8 = sigma8Values[s];
            double inverseSigma8Squared = 1.0 / (sigma8 * sigma8);
            double lnSigma8 = Math.Log(sigma8);
            Array.Clear(perBin);
            for (int k = 0; k < nz; k++)
            {
                double sigma8Power = Math.Exp(-slopeA[k] * lnSigma8);
                int offset = _zBinOfNode[k] * nm;
                int row = k * nm;
                for (int m = 0; m < nm; m++)
                {
                    int n = row + m;
                    perBin[offset + m] += prefactor[n] * ((sigma8Power * power[n]) + 1.0) * Math.Exp(-cutoff[n] * inverseSigma8Squared);
                }
            }

            var counts = new double[massBins, redshiftBins];
            for (int i = 0; i < massBins; i++)
            {
                int pRow = i * nm;
                for (int j = 0; j < redshiftBins; j++)
                {
                    int hRow = j * nm;
                    double sum = 0.0;
                    for (int m = 0; m < nm; m++) sum += _binProbability[pRow + m] * perBin[hRow + m];
                    counts[i, j] = sum;
                }
            }

            results[s] = counts;
        }

        return results;
    }

    /// <summary>
    /// Counts with a mass–observable relation: the bin probability depends on the redshift node too, so the sum over
    /// true mass is done per node: N_ij = Σ_{k ∈ j} Σ_m P(i | M_m, z_k) n_km (same integrand as above).
    /// </summary>
    private IReadOnlyList<double[,]> RelationCounts(
        IReadOnlyList<double> sigma8Values, double[] prefactor, double[] power, double[] cutoff, double[] slopeA, double[] nodeBins, int massBins, int redshiftBins)
    {
        int nz = _zNodes.Length;
        int nm = _massNodes.Length;
        var results = new double[sigma8Values.Count][,];
        var abundance = new double[nm];
        for (int s = 0; s < sigma8Values.Count; s++)
        {
            double sigma8 = sigma8Values[s];
            double inverseSigma8Squared = 1.0 / (sigma8 * sigma8);
            double lnSigma8 = Math.Log(sigma8);
            var counts = new double[massBins, redshiftBins];
            for (int k = 0; k < nz; k++)
            {
                double sigma8Power = Math.Exp(-slopeA[k] * lnSigma8);
                int row = k * nm;
                for (int m = 0; m < nm; m++)
                {
                    int n = row + m;
                    abundance[m] = prefactor[n] * ((sigma8Power * power[n]) + 1.0) * Math.Exp(-cutoff[n] * inverseSigma8Squared);
                }

                int j = _zBinOfNode[k];
                for (int i = 0; i < massBins; i++)
                {
                    int pRow = ((k * massBins) + i) * nm;
                    double sum = 0.0;
                    for (int m = 0; m < nm; m++) sum += nodeBins[pRow + m] * abundance[m];
                    counts[i, j] += sum;
                }
            }

            results[s] = counts;
        }

        return results;
    }

    private static double[] RelationBinProbabilities(SurveyDefinition survey, ObservedMassBinProbability relation, double[] zNodes, double[] massNodes)
    {
        int nm = massNodes.Length;
        int massBins = survey.MassBinCount;
        var probabilities = new double[zNodes.Length * massBins * nm];
        for (int k = 0; k < zNodes.Length; k++)
        {
            for (int i = 0; i < massBins; i++)
            {
                for (int m = 0; m < nm; m++)
                {
                    double p = relation(Math.Log10(massNodes[m]), zNodes[k], survey.Log10MassEdges[i], survey.Log10MassEdges[i + 1]);
                    if (!(p >= 0 && p <= 1 + 1e-9))
                        throw new ArgumentException($"The mass–observable relation returned {p} at log10 M = {Math.Log10(massNodes[m]):0.###}, z = {zNodes[k]:0.###}; it must lie in [0, 1].", nameof(survey));
                    probabilities[(((k * massBins) + i) * nm) + m] = p;
                }
            }
        }

        return probabilities;
    }

    /// <summary>Comoving volume of redshift bin j over the survey area, h⁻³ Mpc³.</summary>
    public double ComovingVolumeMpc3OverH3(FlatLcdm cosmology, int redshiftBin)
    {
        ArgumentNullException.ThrowIfNull(cosmology);
        CheckRedshiftBin(redshiftBin);
        double[] volumeWeights = VolumeWeights(cosmology);
        double volume = 0.0;
        for (int k = 0; k < _zNodes.Length; k++)
        {
            if (_zBinOfNode[k] == redshiftBin) volume += volumeWeights[k];
        }

        return volume;
    }

    /// <summary>
    /// The plain theory in redshift bin j: the volume-weighted mean of dn/dlog₁₀ M over the bin,
    /// ∫ dV dn/dlog₁₀ M / ∫ dV, in h³ Mpc⁻³ dex⁻¹, at true mass M (no completeness, no scatter).
    /// Multiply by <see cref="ComovingVolumeMpc3OverH3"/> for counts per dex.
    /// </summary>
    public double VolumeAveragedDnDlog10MH3PerMpc3(FlatLcdm cosmology, double massMsunOverH, int redshiftBin)
    {
        ArgumentNullException.ThrowIfNull(cosmology);
        CheckRedshiftBin(redshiftBin);
        double[] volumeWeights = VolumeWeights(cosmology);
        double volume = 0.0;
        double weighted = 0.0;
        for (int k = 0; k < _zNodes.Length; k++)
        {
            if (_zBinOfNode[k] != redshiftBin) continue;
            volume += volumeWeights[k];
            weighted += volumeWeights[k] * HaloMassFunction.DnDlog10MH3PerMpc3(massMsunOverH, _zNodes[k], Survey.MassDefinition, cosmology);
        }

        return weighted / volume;
    }

    /// <summary>Ω_sky × w_k × dV/dz dΩ at each z node (h⁻³ Mpc³); D_C accumulated node to node.</summary>
    private double[] VolumeWeights(FlatLcdm cosmology)
    {
        var weights = new double[_zNodes.Length];
        double inverseE(double z) => 1.0 / Background.E(z, cosmology);
        double integral = 0.0;
        double previous = 0.0;
        for (int k = 0; k < _zNodes.Length; k++)
        {
            double z = _zNodes[k];
            if (z > previous) integral += GaussLegendreRule.Integrate(inverseE, previous, z, 8);
            previous = z;
            double comovingDistance = PhysicalConstants.HubbleDistanceMpcOverH * integral;
            double dVdzdOmega = PhysicalConstants.HubbleDistanceMpcOverH * comovingDistance * comovingDistance / Background.E(z, cosmology);
            weights[k] = Survey.SkyAreaSr * _zWeights[k] * dVdzdOmega;
        }

        return weights;
    }

    private void CheckRedshiftBin(int redshiftBin)
    {
        if (redshiftBin < 0 || redshiftBin >= Survey.RedshiftBinCount)
            throw new ArgumentOutOfRangeException(nameof(redshiftBin), redshiftBin, $"The survey has {Survey.RedshiftBinCount} redshift bins.");
    }

    /// <summary>P(lo ≤ log₁₀ M_obs &lt; hi | log₁₀ M) for Gaussian scatter in log₁₀ M (an indicator when σ = 0).</summary>
    private static double BinProbability(double log10Mass, double lo, double hi, double scatterDex)
    {
        if (scatterDex == 0) return log10Mass >= lo && log10Mass < hi ? 1.0 : 0.0;
        double scale = Math.Sqrt(2.0) * scatterDex;
        return 0.5 * (SpecialFunctions.Erf((hi - log10Mass) / scale) - SpecialFunctions.Erf((lo - log10Mass) / scale));
    }

    private static (double[] Nodes, double[] Weights, int[] Bins) RedshiftNodes(SurveyDefinition survey, SurveyQuadrature quadrature)
    {
        var nodes = new List<double>();
        var weights = new List<double>();
        var bins = new List<int>();
        for (int j = 0; j < survey.RedshiftBinCount; j++)
        {
            double lo = survey.RedshiftEdges[j];
            double hi = survey.RedshiftEdges[j + 1];
            int panels = (int)Math.Ceiling(((hi - lo) / quadrature.MaxRedshiftPanelWidth) - 1e-9);
            double width = (hi - lo) / panels;
            for (int p = 0; p < panels; p++)
            {
                var rule = new GaussLegendreRule(lo + (p * width), lo + ((p + 1) * width), quadrature.RedshiftNodesPerPanel);
                nodes.AddRange(rule.Abscissas);
                weights.AddRange(rule.Weights);
                bins.AddRange(Enumerable.Repeat(j, rule.Abscissas.Length));
            }
        }

        return ([.. nodes], [.. weights], [.. bins]);
    }

    private static (double[] Masses, double[] LnMassWeights) MassNodes(SurveyDefinition survey, SurveyQuadrature quadrature)
    {
        double tail = quadrature.ScatterTailSigmas * survey.ScatterDex;
        double panelDex = survey.ScatterDex > 0 ? Math.Min(quadrature.MaxMassPanelDex, survey.ScatterDex / 2.0) : quadrature.MaxMassPanelDex;

        // Panel boundaries include every observed-mass edge, so that without scatter each bin is integrated exactly.
        var breaks = new List<double>();
        if (survey.TrueLog10MassMin is double lowest && lowest < survey.Log10MassEdges[0] - tail) breaks.Add(lowest);
        if (tail > 0) breaks.Add(survey.Log10MassEdges[0] - tail);
        breaks.AddRange(survey.Log10MassEdges);
        if (tail > 0) breaks.Add(survey.Log10MassEdges[^1] + tail);

        double minLog10 = Math.Log10(SigmaTable.MinMassMsunOverH);
        double maxLog10 = Math.Log10(SigmaTable.MaxMassMsunOverH);
        if (breaks[0] < minLog10 || breaks[^1] > maxLog10)
            throw new ArgumentOutOfRangeException(nameof(survey), $"True masses {breaks[0]:0.##}–{breaks[^1]:0.##} dex (edges ± tails) leave the σ(M) table range {minLog10}–{maxLog10}.");

        var masses = new List<double>();
        var weights = new List<double>();
        for (int b = 0; b + 1 < breaks.Count; b++)
        {
            int panels = (int)Math.Ceiling(((breaks[b + 1] - breaks[b]) / panelDex) - 1e-9);
            double width = (breaks[b + 1] - breaks[b]) / panels;
            for (int p = 0; p < panels; p++)
            {
                var rule = new GaussLegendreRule(breaks[b] + (p * width), breaks[b] + ((p + 1) * width), quadrature.MassNodesPerPanel);
                for (int i = 0; i < rule.Abscissas.Length; i++)
                {
                    masses.Add(Math.Pow(10.0, rule.Abscissas[i]));
                    weights.Add(rule.Weights[i] * Math.Log(10.0));
                }
            }
        }

        return ([.. masses], [.. weights]);
    }
}
