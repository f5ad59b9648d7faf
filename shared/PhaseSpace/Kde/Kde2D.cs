namespace StreamProcessor.PhaseSpace.Kde;

/// <summary>
/// Fast, allocation-free 2D Gaussian-KDE phase-space image of (v_los, R_proj) (reference sheet §4; Ho et al. 2019,
/// arXiv:1902.05950): scipy <c>gaussian_kde(dataset, bw_method=Bandwidth)</c> evaluated at the bin centres of
/// <see cref="KdeGrid2D"/> and normalised to sum 1. Equal to <see cref="KdeReference.Image2D"/> to about 1e-13.
/// </summary>
/// <remarks>
/// <para>The kernel exponent separates into grid-only, per-axis x point and point-only factors (see
/// <see cref="SeparableGaussian"/>), so each tile of the image is G ⊙ (A B^T) with A (velocity bins x points) and
/// B (radius bins x points): O(48 N) exponentials and a small matrix product instead of 48 x 48 x N exponentials.</para>
/// <para>One instance per thread: it owns its work buffers and is not thread-safe. Buffers grow to the largest
/// member count seen; after that <see cref="Compute"/> allocates nothing.</para>
/// </remarks>
public sealed class Kde2D
{
    private readonly KdeGrid2D _grid;
    private readonly int _velocityBins;
    private readonly int _radiusBins;
    private readonly double[] _velocityCentresKmPerS;
    private readonly double[] _radiusCentresMpcOverH;
    private readonly double[] _velocityGrid;
    private readonly double[] _radiusGrid;
    private readonly double[] _product;
    private readonly double[] _gridFactor;
    private double[] _velocities = [];
    private double[] _radii = [];
    private double[] _velocityFactors = [];
    private double[] _radiusFactors = [];
    private int _stride;

    public Kde2D(KdeGrid2D grid)
    {
        _grid = grid.Validated();
        _velocityBins = grid.VelocityBins;
        _radiusBins = grid.RadiusBins;
        _velocityCentresKmPerS = new double[_velocityBins];
        _radiusCentresMpcOverH = new double[_radiusBins];
        for (int i = 0; i < _velocityBins; i++) _velocityCentresKmPerS[i] = grid.VelocityBinCentreKmPerS(i);
        for (int j = 0; j < _radiusBins; j++) _radiusCentresMpcOverH[j] = grid.RadiusBinCentreMpcOverH(j);
        _velocityGrid = new double[_velocityBins];
        _radiusGrid = new double[_radiusBins];
        _product = new double[_velocityBins * _radiusBins];
        _gridFactor = new double[_radiusBins];
    }

    /// <summary>The grid this instance was built for.</summary>
    public KdeGrid2D Grid => _grid;

    /// <summary>
    /// Writes the normalised image (sum 1, row-major [velocity bin, radius bin]) of the members into
    /// <paramref name="image"/>, which must hold exactly <see cref="KdeGrid2D.ImageLength"/> values.
    /// </summary>
    /// <param name="velocitiesKmPerS">v_los of each member in km/s.</param>
    /// <param name="radiiMpcOverH">R_proj of each member in h^-1 Mpc, same order and length.</param>
    /// <param name="image">Destination.</param>
    /// <exception cref="DegenerateSampleException">Fewer than 3 members, a NaN/infinite value, zero variance,
    /// collinear (singular) data, or a density that is zero on the whole grid.</exception>
    /// <exception cref="ArgumentException">Span lengths do not match.</exception>
    public void Compute(ReadOnlySpan<double> velocitiesKmPerS, ReadOnlySpan<double> radiiMpcOverH, Span<double> image)
    {
        int count = velocitiesKmPerS.Length;
        SampleStatistics.RequireSameLength(count, radiiMpcOverH.Length, nameof(radiiMpcOverH));
        SampleStatistics.RequireSameLength(_grid.ImageLength, image.Length, nameof(image));
        SampleStatistics.RequireEnoughPoints(count, 2, nameof(velocitiesKmPerS));
        var (meanV, stdV) = SampleStatistics.MeanAndStdDev(velocitiesKmPerS, nameof(velocitiesKmPerS));
        var (meanR, stdR) = SampleStatistics.MeanAndStdDev(radiiMpcOverH, nameof(radiiMpcOverH));
        double rho = SampleStatistics.Correlation(
            SampleStatistics.Covariance(velocitiesKmPerS, meanV, radiiMpcOverH, meanR), stdV, stdR);
        double conditionalVariance = 1.0 - (rho * rho);
        SampleStatistics.RequireNonSingular(conditionalVariance, nameof(velocitiesKmPerS));

        // Q = (bw^2 C)^-1 for the correlation matrix C = [[1, rho], [rho, 1]] of the standardised data.
        double bandwidth = _grid.Bandwidth;
        double h = 1.0 / (bandwidth * bandwidth * conditionalVariance);
        double q00 = h, q01 = -rho * h, q11 = h;

        EnsureCapacity(count);
        for (int i = 0; i < count; i++)
        {
            _velocities[i] = (velocitiesKmPerS[i] - meanV) / stdV;
            _radii[i] = (radiiMpcOverH[i] - meanR) / stdR;
        }

        for (int k = 0; k < _velocityBins; k++) _velocityGrid[k] = (_velocityCentresKmPerS[k] - meanV) / stdV;
        for (int l = 0; l < _radiusBins; l++) _radiusGrid[l] = (_radiusCentresMpcOverH[l] - meanR) / stdR;
        double spacingV = (_velocityGrid[_velocityBins - 1] - _velocityGrid[0]) / (_velocityBins - 1);
        double spacingR = (_radiusGrid[_radiusBins - 1] - _radiusGrid[0]) / (_radiusBins - 1);

        // Fewest tiles whose Q-radius keeps R^2 / 2 within budget; split the axis that contributes most.
        int tilesV = 1, tilesR = 1;
        while (true)
        {
            double halfV = 0.5 * (SeparableGaussian.MaxTileLength(_velocityBins, tilesV) - 1) * spacingV;
            double halfR = 0.5 * (SeparableGaussian.MaxTileLength(_radiusBins, tilesR) - 1) * spacingR;
            if (0.5 * SeparableGaussian.MaxCornerQuadratic(q00, q01, q11, halfV, halfR) <= SeparableGaussian.MaxHalfSquaredRadius)
            {
                break;
            }

            bool splitV = (q00 * halfV * halfV >= q11 * halfR * halfR && tilesV < _velocityBins) || tilesR == _radiusBins;
            if (splitV) tilesV++;
            else tilesR++;
        }

        for (int tv = 0; tv < tilesV; tv++)
        {
            int v0 = SeparableGaussian.TileStart(_velocityBins, tilesV, tv);
            int v1 = SeparableGaussian.TileStart(_velocityBins, tilesV, tv + 1);
            for (int tr = 0; tr < tilesR; tr++)
            {
                int r0 = SeparableGaussian.TileStart(_radiusBins, tilesR, tr);
                int r1 = SeparableGaussian.TileStart(_radiusBins, tilesR, tr + 1);
                ComputeTile(count, q00, q01, q11, spacingV, spacingR, v0, v1, r0, r1, image);
            }
        }

        double total = SampleStatistics.RequirePositiveTotal(image, nameof(velocitiesKmPerS));
        double scale = 1.0 / total;
        for (int i = 0; i < image.Length; i++) image[i] *= scale;
    }

    private void ComputeTile(
        int count, double q00, double q01, double q11, double spacingV, double spacingR,
        int v0, int v1, int r0, int r1, Span<double> image)
    {
        int lengthV = v1 - v0;
        int lengthR = r1 - r0;
        double originV = 0.5 * (_velocityGrid[v0] + _velocityGrid[v1 - 1]);
        double originR = 0.5 * (_radiusGrid[r0] + _radiusGrid[r1 - 1]);
        double halfV = 0.5 * (_velocityGrid[v1 - 1] - _velocityGrid[v0]);
        double halfR = 0.5 * (_radiusGrid[r1 - 1] - _radiusGrid[r0]);
        double cutoff = Math.Sqrt(SeparableGaussian.MaxCornerQuadratic(q00, q01, q11, halfV, halfR)) + SeparableGaussian.PruneMargin;
        double cutoffSquared = cutoff * cutoff;

        int stride = _stride;
        int kept = 0;
        for (int i = 0; i < count; i++)
        {
            double etaV = _velocities[i] - originV;
            double etaR = _radii[i] - originR;
            double mV = (q00 * etaV) + (q01 * etaR);
            double mR = (q01 * etaV) + (q11 * etaR);
            double quadratic = (etaV * mV) + (etaR * mR);
            if (quadratic > cutoffSquared)
            {
                continue;
            }

            double logWeight = (-0.5 * quadratic) + (halfV * Math.Abs(mV)) + (halfR * Math.Abs(mR));
            SeparableGaussian.FillGeometric(_velocityFactors, kept, stride, lengthV, Math.Exp(logWeight), Math.Exp(-spacingV * Math.Abs(mV)), mV >= 0);
            SeparableGaussian.FillGeometric(_radiusFactors, kept, stride, lengthR, 1.0, Math.Exp(-spacingR * Math.Abs(mR)), mR >= 0);
            kept++;
        }

        if (kept == 0)
        {
            for (int k = 0; k < lengthV; k++) image.Slice(((v0 + k) * _radiusBins) + r0, lengthR).Clear();
            return;
        }

        int padded = VectorKernels.RoundUpToWidth(kept);
        SeparableGaussian.ZeroColumns(_velocityFactors, lengthV, stride, kept, padded);
        SeparableGaussian.ZeroColumns(_radiusFactors, lengthR, stride, kept, padded);
        VectorKernels.MultiplyByTranspose(_velocityFactors, lengthV, _radiusFactors, lengthR, stride, padded, _product);

        Span<double> gridFactor = _gridFactor.AsSpan(0, lengthR);
        for (int k = 0; k < lengthV; k++)
        {
            double xiV = _velocityGrid[v0 + k] - originV;
            double rowConstant = -0.5 * q00 * xiV * xiV;
            double rowSlope = -q01 * xiV;
            for (int l = 0; l < lengthR; l++)
            {
                double xiR = _radiusGrid[r0 + l] - originR;
                gridFactor[l] = rowConstant + (xiR * (rowSlope - (0.5 * q11 * xiR)));
            }

            VectorKernels.ExpInPlace(gridFactor);
            Span<double> row = image.Slice(((v0 + k) * _radiusBins) + r0, lengthR);
            ReadOnlySpan<double> sums = _product.AsSpan(k * lengthR, lengthR);
            for (int l = 0; l < lengthR; l++) row[l] = sums[l] * gridFactor[l];
        }
    }

    private void EnsureCapacity(int count)
    {
        int stride = VectorKernels.RoundUpToWidth(count);
        if (stride <= _stride)
        {
            return;
        }

        _stride = stride;
        _velocities = new double[stride];
        _radii = new double[stride];
        _velocityFactors = new double[_velocityBins * stride];
        _radiusFactors = new double[_radiusBins * stride];
    }
}
