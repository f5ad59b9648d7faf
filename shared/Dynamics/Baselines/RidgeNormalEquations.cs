using MathNet.Numerics.LinearAlgebra;

namespace StreamProcessor.Dynamics.Baselines;

/// <summary>
/// Ridge regression with an unpenalised intercept (Hastie, Tibshirani &amp; Friedman 2009, The Elements of Statistical
/// Learning, eq. 3.44 with centred inputs, §3.4.1): w = (X_cᵀX_c + λ n I)⁻¹ X_cᵀ(y − ȳ), b = ȳ − x̄·w, where X_c is X with
/// its column means x̄ removed. The Gram matrix is formed once, so every λ of a selection grid costs one Cholesky
/// factorisation; the system is solved through that factorisation, never through an explicit inverse. λ is per
/// sample (the penalty is λ n), so a λ chosen on part of the data carries over to a refit on all of it.
/// </summary>
public sealed class RidgeNormalEquations
{
    private readonly Matrix<double> _gram;
    private readonly Vector<double> _moment;
    private readonly Vector<double> _columnMeans;
    private readonly double _targetMean;

    private RidgeNormalEquations(Matrix<double> gram, Vector<double> moment, Vector<double> columnMeans, double targetMean, int count)
    {
        _gram = gram;
        _moment = moment;
        _columnMeans = columnMeans;
        _targetMean = targetMean;
        Count = count;
    }

    /// <summary>Number of samples n.</summary>
    public int Count { get; }

    /// <summary>Centres <paramref name="design"/> (n × p) and <paramref name="target"/> (n) and forms X_cᵀX_c and X_cᵀ(y − ȳ).</summary>
    public static RidgeNormalEquations From(Matrix<double> design, Vector<double> target)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(target);
        if (design.RowCount != target.Count) throw new ArgumentException($"The design has {design.RowCount} rows for {target.Count} targets.", nameof(target));
        if (design.RowCount < 2) throw new ArgumentException("Ridge regression needs at least two samples.", nameof(design));
        Vector<double> means = design.ColumnSums() / design.RowCount;
        Matrix<double> centred = design - Matrix<double>.Build.Dense(design.RowCount, design.ColumnCount, (_, j) => means[j]);
        double targetMean = target.Average();
        Vector<double> centredTarget = target - targetMean;
        return new RidgeNormalEquations(centred.TransposeThisAndMultiply(centred), centred.TransposeThisAndMultiply(centredTarget), means, targetMean, design.RowCount);
    }

    /// <summary>Weights w and intercept b for penalty λ &gt; 0 (per sample).</summary>
    public (double[] Weights, double Intercept) Solve(double lambda)
    {
        if (!(lambda > 0) || !double.IsFinite(lambda)) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "λ must be positive and finite.");
        Matrix<double> penalised = _gram + Matrix<double>.Build.DenseDiagonal(_gram.RowCount, lambda * Count);
        Vector<double> weights = penalised.Cholesky().Solve(_moment);
        return (weights.ToArray(), _targetMean - _columnMeans.DotProduct(weights));
    }
}
