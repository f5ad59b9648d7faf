using MathNet.Numerics.Interpolation;

namespace StreamProcessor.Cosmology.PowerSpectrum;

/// <summary>
/// T(k) interpolated in log–log by a natural cubic spline of ln T in ln k; constant below the first k, continued with
/// the slope of the last interval above the last (see <see cref="TransferTable"/> for why that is harmless).
/// </summary>
internal sealed class TabulatedTransfer : ITransferFunction
{
    private readonly CubicSpline _lnT;
    private readonly double _lnKMin;
    private readonly double _lnKMax;
    private readonly double _lnTAtMin;
    private readonly double _lnTAtMax;
    private readonly double _highSlope;

    /// <summary>
    /// From ln k (strictly increasing) and ln T of the same length (at least 4); <paramref name="oscillationLengthMpcOverH"/>
    /// is the expected period length of the table's baryon wiggles (<see cref="ITransferFunction.OscillationLengthMpcOverH"/>).
    /// </summary>
    public TabulatedTransfer(double[] lnK, double[] lnT, double oscillationLengthMpcOverH)
    {
        OscillationLengthMpcOverH = oscillationLengthMpcOverH;
        _lnT = CubicSpline.InterpolateNaturalSorted(lnK, lnT);
        _lnKMin = lnK[0];
        _lnKMax = lnK[^1];
        _lnTAtMin = lnT[0];
        _lnTAtMax = lnT[^1];
        _highSlope = (lnT[^1] - lnT[^2]) / (lnK[^1] - lnK[^2]);
    }

    /// <inheritdoc />
    public double OscillationLengthMpcOverH { get; }

    /// <inheritdoc />
    public double Transfer(double kHOverMpc)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kHOverMpc);
        double lnK = Math.Log(kHOverMpc);
        if (lnK <= _lnKMin) return Math.Exp(_lnTAtMin);
        if (lnK >= _lnKMax) return Math.Exp(_lnTAtMax + (_highSlope * (lnK - _lnKMax)));
        return Math.Exp(_lnT.Interpolate(lnK));
    }
}
