namespace StreamProcessor.PhaseSpace.Kde;

/// <summary>
/// Fast, allocation-free 3D Gaussian-KDE cube of (x, y, v_los) (reference sheet §4; Kodi Ramanah et al. 2020,
/// arXiv:2009.03340): scipy <c>gaussian_kde(dataset, bw_method=Bandwidth)</c> evaluated at the bin centres of
/// <see cref="KdeGrid3D"/> and normalised to sum 1. Equal to <see cref="KdeReference.Image3D"/> to about 1e-13.
/// </summary>
/// <remarks>
/// <para>After the split of <see cref="SeparableGaussian"/>, each tile is a CP-style contraction
/// cube[x, y, v] = G[x, y, v] sum_i X[x, i] Y[y, i] V[v, i]: for every x bin the product P[y, i] = X[x, i] Y[y, i]
/// is formed and multiplied by V^T, so the cost is O(50 N) exponentials plus 50^3 N multiply-adds instead of
/// 50^3 N exponentials.</para>
/// <para>One instance per thread: it owns its work buffers and is not thread-safe. Buffers grow to the largest
/// member count seen; after that <see cref="Compute"/> allocates nothing.</para>
/// </remarks>
public sealed class Kde3D
{
    private readonly KdeGrid3D _grid;
    private readonly int _positionBins;
    private readonly int _velocityBins;
    private readonly double[] _positionCentresMpcOverH;
    private readonly double[] _velocityCentresKmPerS;
    private readonly double[] _xGrid;
    private readonly double[] _yGrid;
    private readonly double[] _vGrid;
    private readonly double[] _q = new double[9];
    private readonly double[] _product;
    private readonly double[] _gridFactor;
    private double[] _x = [];
    private double[] _y = [];
    private double[] _v = [];
    private double[] _xFactors = [];
    private double[] _yFactors = [];
    private double[] _vFactors = [];
    private double[] _pairFactors = [];
    private int _stride;

    public Kde3D(KdeGrid3D grid)
    {
        _grid = grid.Validated();
        _positionBins = grid.PositionBins;
        _velocityBins = grid.VelocityBins;
        _positionCentresMpcOverH = new double[_positionBins];
        _velocityCentresKmPerS = new double[_velocityBins];
        for (int i = 0; i < _positionBins; i++) _positionCentresMpcOverH[i] = grid.PositionBinCentreMpcOverH(i);
        for (int k = 0; k < _velocityBins; k++) _velocityCentresKmPerS[k] = grid.VelocityBinCentreKmPerS(k);
        _xGrid = new double[_positionBins];
        _yGrid = new double[_positionBins];
        _vGrid = new double[_velocityBins];
        _product = new double[_positionBins * _velocityBins];
        _gridFactor = new double[_velocityBins];
    }

    /// <summary>The grid this instance was built for.</summary>
    public KdeGrid3D Grid => _grid;

    /// <summary>
    /// Writes the normalised cube (sum 1, row-major [x bin, y bin, v bin]) of the members into
    /// <paramref name="image"/>, which must hold exactly <see cref="KdeGrid3D.ImageLength"/> values.
    /// </summary>
    /// <param name="xMpcOverH">Projected offset east of the cluster centre in h^-1 Mpc.</param>
    /// <param name="yMpcOverH">Projected offset north of the cluster centre in h^-1 Mpc.</param>
    /// <param name="velocitiesKmPerS">v_los in km/s.</param>
    /// <param name="image">Destination.</param>
    /// <exception cref="DegenerateSampleException">Fewer than 4 members, a NaN/infinite value, zero variance,
    /// coplanar (singular) data, or a density that is zero on the whole grid.</exception>
    /// <exception cref="ArgumentException">Span lengths do not match.</exception>
    public void Compute(ReadOnlySpan<double> xMpcOverH, ReadOnlySpan<double> yMpcOverH, ReadOnlySpan<double> velocitiesKmPerS, Span<double> image)
    {
        int count = xMpcOverH.Length;
        SampleStatistics.RequireSameLength(count, yMpcOverH.Length, nameof(yMpcOverH));
        SampleStatistics.RequireSameLength(count, velocitiesKmPerS.Length, nameof(velocitiesKmPerS));
        SampleStatistics.RequireSameLength(_grid.ImageLength, image.Length, nameof(image));
        SampleStatistics.RequireEnoughPoints(count, 3, nameof(xMpcOverH));
        var (meanX, stdX) = SampleStatistics.MeanAndStdDev(xMpcOverH, nameof(xMpcOverH));
        var (meanY, stdY) = SampleStatistics.MeanAndStdDev(yMpcOverH, nameof(yMpcOverH));
        var (meanV, stdV) = SampleStatistics.MeanAndStdDev(velocitiesKmPerS, nameof(velocitiesKmPerS));
        double c01 = SampleStatistics.Correlation(SampleStatistics.Covariance(xMpcOverH, meanX, yMpcOverH, meanY), stdX, stdY);
        double c02 = SampleStatistics.Correlation(SampleStatistics.Covariance(xMpcOverH, meanX, velocitiesKmPerS, meanV), stdX, stdV);
        double c12 = SampleStatistics.Correlation(SampleStatistics.Covariance(yMpcOverH, meanY, velocitiesKmPerS, meanV), stdY, stdV);
        double det = RequireNonSingularCorrelation(c01, c02, c12);

        // Q = (bw^2 C)^-1 for the correlation matrix C of the standardised data, by cofactors.
        double scale = 1.0 / (_grid.Bandwidth * _grid.Bandwidth * det);
        Span<double> q = _q;
        q[0] = (1.0 - (c12 * c12)) * scale;
        q[4] = (1.0 - (c02 * c02)) * scale;
        q[8] = (1.0 - (c01 * c01)) * scale;
        q[1] = q[3] = ((c02 * c12) - c01) * scale;
        q[2] = q[6] = ((c01 * c12) - c02) * scale;
        q[5] = q[7] = ((c01 * c02) - c12) * scale;

        EnsureCapacity(count);
        for (int i = 0; i < count; i++)
        {
            _x[i] = (xMpcOverH[i] - meanX) / stdX;
            _y[i] = (yMpcOverH[i] - meanY) / stdY;
            _v[i] = (velocitiesKmPerS[i] - meanV) / stdV;
        }

        for (int a = 0; a < _positionBins; a++)
        {
            _xGrid[a] = (_positionCentresMpcOverH[a] - meanX) / stdX;
            _yGrid[a] = (_positionCentresMpcOverH[a] - meanY) / stdY;
        }

        for (int c = 0; c < _velocityBins; c++) _vGrid[c] = (_velocityCentresKmPerS[c] - meanV) / stdV;
        double spacingX = (_xGrid[_positionBins - 1] - _xGrid[0]) / (_positionBins - 1);
        double spacingY = (_yGrid[_positionBins - 1] - _yGrid[0]) / (_positionBins - 1);
        double spacingV = (_vGrid[_velocityBins - 1] - _vGrid[0]) / (_velocityBins - 1);

        // Fewest tiles whose Q-radius keeps R^2 / 2 within budget; split the axis that contributes most.
        int tilesX = 1, tilesY = 1, tilesV = 1;
        while (true)
        {
            double halfX = 0.5 * (SeparableGaussian.MaxTileLength(_positionBins, tilesX) - 1) * spacingX;
            double halfY = 0.5 * (SeparableGaussian.MaxTileLength(_positionBins, tilesY) - 1) * spacingY;
            double halfV = 0.5 * (SeparableGaussian.MaxTileLength(_velocityBins, tilesV) - 1) * spacingV;
            if (0.5 * SeparableGaussian.MaxCornerQuadratic(q, halfX, halfY, halfV) <= SeparableGaussian.MaxHalfSquaredRadius)
            {
                break;
            }

            double wx = tilesX < _positionBins ? q[0] * halfX * halfX : -1;
            double wy = tilesY < _positionBins ? q[4] * halfY * halfY : -1;
            double wv = tilesV < _velocityBins ? q[8] * halfV * halfV : -1;
            if (wx >= wy && wx >= wv) tilesX++;
            else if (wy >= wv) tilesY++;
            else tilesV++;
        }

        for (int tx = 0; tx < tilesX; tx++)
        {
            int x0 = SeparableGaussian.TileStart(_positionBins, tilesX, tx);
            int x1 = SeparableGaussian.TileStart(_positionBins, tilesX, tx + 1);
            for (int ty = 0; ty < tilesY; ty++)
            {
                int y0 = SeparableGaussian.TileStart(_positionBins, tilesY, ty);
                int y1 = SeparableGaussian.TileStart(_positionBins, tilesY, ty + 1);
                for (int tv = 0; tv < tilesV; tv++)
                {
                    int v0 = SeparableGaussian.TileStart(_velocityBins, tilesV, tv);
                    int v1 = SeparableGaussian.TileStart(_velocityBins, tilesV, tv + 1);
                    ComputeTile(count, spacingX, spacingY, spacingV, x0, x1, y0, y1, v0, v1, image);
                }
            }
        }

        double total = SampleStatistics.RequirePositiveTotal(image, nameof(xMpcOverH));
        double inverseTotal = 1.0 / total;
        for (int i = 0; i < image.Length; i++) image[i] *= inverseTotal;
    }

    /// <summary>
    /// Cholesky pivots (conditional variances) of the 3 x 3 correlation matrix must be non-zero; returns their
    /// product, the determinant, which is free of the cancellation in 1 + 2abc - a^2 - b^2 - c^2.
    /// </summary>
    internal static double RequireNonSingularCorrelation(double c01, double c02, double c12)
    {
        double pivot1 = 1.0 - (c01 * c01);
        SampleStatistics.RequireNonSingular(pivot1, "yMpcOverH");
        double l21 = (c12 - (c02 * c01)) / Math.Sqrt(pivot1);
        double pivot2 = 1.0 - (c02 * c02) - (l21 * l21);
        SampleStatistics.RequireNonSingular(pivot2, "velocitiesKmPerS");
        return pivot1 * pivot2;
    }

    private void ComputeTile(
        int count, double spacingX, double spacingY, double spacingV,
        int x0, int x1, int y0, int y1, int v0, int v1, Span<double> image)
    {
        ReadOnlySpan<double> q = _q;
        double q00 = q[0], q01 = q[1], q02 = q[2], q11 = q[4], q12 = q[5], q22 = q[8];
        int lengthX = x1 - x0, lengthY = y1 - y0, lengthV = v1 - v0;
        double originX = 0.5 * (_xGrid[x0] + _xGrid[x1 - 1]);
        double originY = 0.5 * (_yGrid[y0] + _yGrid[y1 - 1]);
        double originV = 0.5 * (_vGrid[v0] + _vGrid[v1 - 1]);
        double halfX = 0.5 * (_xGrid[x1 - 1] - _xGrid[x0]);
        double halfY = 0.5 * (_yGrid[y1 - 1] - _yGrid[y0]);
        double halfV = 0.5 * (_vGrid[v1 - 1] - _vGrid[v0]);
        double cutoff = Math.Sqrt(SeparableGaussian.MaxCornerQuadratic(q, halfX, halfY, halfV)) + SeparableGaussian.PruneMargin;
        double cutoffSquared = cutoff * cutoff;

        int stride = _stride;
        int kept = 0;
        for (int i = 0; i < count; i++)
        {
            double etaX = _x[i] - originX;
            double etaY = _y[i] - originY;
            double etaV = _v[i] - originV;
            double mX = (q00 * etaX) + (q01 * etaY) + (q02 * etaV);
            double mY = (q01 * etaX) + (q11 * etaY) + (q12 * etaV);
            double mV = (q02 * etaX) + (q12 * etaY) + (q22 * etaV);
            double quadratic = (etaX * mX) + (etaY * mY) + (etaV * mV);
            if (quadratic > cutoffSquared)
            {
                continue;
            }

            double logWeight = (-0.5 * quadratic) + (halfX * Math.Abs(mX)) + (halfY * Math.Abs(mY)) + (halfV * Math.Abs(mV));
            SeparableGaussian.FillGeometric(_xFactors, kept, stride, lengthX, Math.Exp(logWeight), Math.Exp(-spacingX * Math.Abs(mX)), mX >= 0);
            SeparableGaussian.FillGeometric(_yFactors, kept, stride, lengthY, 1.0, Math.Exp(-spacingY * Math.Abs(mY)), mY >= 0);
            SeparableGaussian.FillGeometric(_vFactors, kept, stride, lengthV, 1.0, Math.Exp(-spacingV * Math.Abs(mV)), mV >= 0);
            kept++;
        }

        if (kept == 0)
        {
            for (int a = 0; a < lengthX; a++)
            {
                for (int b = 0; b < lengthY; b++) image.Slice(_grid.Index(x0 + a, y0 + b, v0), lengthV).Clear();
            }

            return;
        }

        int padded = VectorKernels.RoundUpToWidth(kept);
        SeparableGaussian.ZeroColumns(_xFactors, lengthX, stride, kept, padded);
        SeparableGaussian.ZeroColumns(_yFactors, lengthY, stride, kept, padded);
        SeparableGaussian.ZeroColumns(_vFactors, lengthV, stride, kept, padded);

        Span<double> gridFactor = _gridFactor.AsSpan(0, lengthV);
        for (int a = 0; a < lengthX; a++)
        {
            ReadOnlySpan<double> xRow = _xFactors.AsSpan(a * stride, padded);
            for (int b = 0; b < lengthY; b++)
            {
                VectorKernels.Multiply(xRow, _yFactors.AsSpan(b * stride, padded), _pairFactors.AsSpan(b * stride, padded));
            }

            VectorKernels.MultiplyByTranspose(_pairFactors, lengthY, _vFactors, lengthV, stride, padded, _product);

            double xiX = _xGrid[x0 + a] - originX;
            for (int b = 0; b < lengthY; b++)
            {
                double xiY = _yGrid[y0 + b] - originY;
                double rowConstant = -0.5 * ((q00 * xiX * xiX) + (2.0 * q01 * xiX * xiY) + (q11 * xiY * xiY));
                double rowSlope = -((q02 * xiX) + (q12 * xiY));
                for (int c = 0; c < lengthV; c++)
                {
                    double xiV = _vGrid[v0 + c] - originV;
                    gridFactor[c] = rowConstant + (xiV * (rowSlope - (0.5 * q22 * xiV)));
                }

                VectorKernels.ExpInPlace(gridFactor);
                Span<double> row = image.Slice(_grid.Index(x0 + a, y0 + b, v0), lengthV);
                ReadOnlySpan<double> sums = _product.AsSpan(b * lengthV, lengthV);
                for (int c = 0; c < lengthV; c++) row[c] = sums[c] * gridFactor[c];
            }
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
        _x = new double[stride];
        _y = new double[stride];
        _v = new double[stride];
        _xFactors = new double[_positionBins * stride];
        _yFactors = new double[_positionBins * stride];
        _vFactors = new double[_velocityBins * stride];
        _pairFactors = new double[_positionBins * stride];
    }
}
