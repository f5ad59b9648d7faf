namespace StreamProcessor.Emulation.Sampling;

/// <summary>
/// Unscrambled Sobol' low-discrepancy sequence in up to <see cref="MaxDimensions"/> dimensions, 32 bits per
/// coordinate, for space-filling designs of simulation (emulator training) parameters.
/// </summary>
/// <remarks>
/// <para>Construction: I. M. Sobol', USSR Comput. Math. Math. Phys. 7, 86-112 (1967); generated in Gray-code order
/// (Antonov &amp; Saleev, USSR Comput. Math. Math. Phys. 19, 252-256 (1979)), so point n is point n-1 XOR one
/// direction number, as in Bratley &amp; Fox, ACM TOMS 14, 88-100 (1988), Algorithm 659. Direction numbers:
/// <see cref="JoeKuoDirectionNumbers"/> (Joe &amp; Kuo 2008, <c>new-joe-kuo-6.21201</c>). Dimension 1 is the van der
/// Corput sequence in base 2. The points equal SciPy's <c>qmc.Sobol(d, scramble=False)</c> (same table, same
/// Gray-code order; checked for 4096 points in all 64 dimensions against SciPy 1.10.1, whose default of 30 bits gives
/// the same values for the first 2^30 points).</para>
/// <para>The first point is the origin. Keep it: the balance properties (each of the first 2^k points alone in its
/// interval of width 2^-k in every coordinate, and the (t, k, s)-net structure) hold for blocks that start at index 0
/// and have power-of-two length; dropping the first point breaks them (A. B. Owen, "On dropping the first Sobol'
/// point", arXiv:2008.08051). So take 2^k points from index 0. The origin maps to the lower corner of the box in
/// <see cref="ScaleToBox"/>, which is a legitimate design point when the box edges are valid inputs.</para>
/// <para>Not thread-safe: <see cref="Next"/> moves a cursor. <see cref="Take"/> and <see cref="Point"/> are pure
/// functions of the index and leave the cursor alone.</para>
/// </remarks>
public sealed class SobolSequence
{
    /// <summary>Highest dimension supported by the bundled direction numbers.</summary>
    public const int MaxDimensions = JoeKuoDirectionNumbers.MaxDimension;

    /// <summary>Bits per coordinate; points are multiples of 2^-32.</summary>
    public const int Bits = 32;

    /// <summary>Number of distinct points at 32-bit resolution: indices 0 .. 2^32 - 1.</summary>
    public const long MaxPoints = 1L << Bits;

    private const double Scale = 1.0 / MaxPoints;

    // _directions[d][j] = v_{j+1} for dimension d+1, left-aligned in 32 bits (v_j = m_j / 2^j as a binary fraction).
    private readonly uint[][] _directions;
    private readonly uint[] _state;

    /// <summary>A sequence in <paramref name="dimensions"/> dimensions, positioned at index 0.</summary>
    public SobolSequence(int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, MaxDimensions);
        Dimensions = dimensions;
        _directions = new uint[dimensions][];
        _directions[0] = VanDerCorputDirections();
        for (var d = 1; d < dimensions; d++)
        {
            _directions[d] = Directions(JoeKuoDirectionNumbers.Lines[d - 1]);
        }

        _state = new uint[dimensions];
    }

    /// <summary>Number of coordinates per point.</summary>
    public int Dimensions { get; }

    /// <summary>Index of the point <see cref="Next"/> returns next (0 for a new sequence).</summary>
    public long NextIndex { get; private set; }

    /// <summary>The point at <see cref="NextIndex"/>, in [0, 1)^d; then advances by one.</summary>
    /// <exception cref="InvalidOperationException">All <see cref="MaxPoints"/> points have been drawn.</exception>
    public double[] Next()
    {
        if (NextIndex >= MaxPoints)
        {
            throw new InvalidOperationException($"A {Bits}-bit Sobol' sequence has only {MaxPoints} points.");
        }

        if (NextIndex > 0)
        {
            Advance(_state, NextIndex);
        }

        NextIndex++;
        return ToUnit(_state);
    }

    /// <summary>Puts the cursor back to index 0.</summary>
    public void Reset()
    {
        Array.Clear(_state);
        NextIndex = 0;
    }

    /// <summary>The point at <paramref name="index"/> (0-based, Gray-code order), in [0, 1)^d.</summary>
    public double[] Point(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, MaxPoints);
        return ToUnit(StateAt(index));
    }

    /// <summary>
    /// Points <paramref name="skip"/> .. <paramref name="skip"/> + <paramref name="count"/> - 1 of the sequence,
    /// one array per point; does not move the <see cref="Next"/> cursor. Use skip = 0 and a power-of-two count.
    /// </summary>
    public double[][] Take(int count, long skip = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(skip, MaxPoints - count);
        var points = new double[count][];
        if (count == 0)
        {
            return points;
        }

        var x = StateAt(skip);
        points[0] = ToUnit(x);
        for (var i = 1; i < count; i++)
        {
            Advance(x, skip + i);
            points[i] = ToUnit(x);
        }

        return points;
    }

    /// <summary>
    /// Maps a point of the unit cube to the box [mins_i, maxs_i]: linearly, or uniformly in log10 on the axes where
    /// <paramref name="logFlags"/> is true (for parameters spanning decades, e.g. feedback efficiencies).
    /// </summary>
    /// <param name="point">Coordinates in [0, 1].</param>
    /// <param name="mins">Lower edge of each axis.</param>
    /// <param name="maxs">Upper edge of each axis, at least the lower edge.</param>
    /// <param name="logFlags">Per axis, whether it is log10-uniform (both edges must be positive); empty: all linear.</param>
    public static double[] ScaleToBox(
        ReadOnlySpan<double> point, ReadOnlySpan<double> mins, ReadOnlySpan<double> maxs, ReadOnlySpan<bool> logFlags = default)
    {
        if (mins.Length != point.Length || maxs.Length != point.Length)
        {
            throw new ArgumentException($"Point has {point.Length} coordinates but the box has {mins.Length} lower and {maxs.Length} upper edges.");
        }

        if (!logFlags.IsEmpty && logFlags.Length != point.Length)
        {
            throw new ArgumentException($"Point has {point.Length} coordinates but {logFlags.Length} log flags.", nameof(logFlags));
        }

        var scaled = new double[point.Length];
        for (var i = 0; i < point.Length; i++)
        {
            double u = point[i];
            if (!(u >= 0 && u <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(point), u, $"Coordinate {i} is outside [0, 1].");
            }

            if (!double.IsFinite(mins[i]) || !double.IsFinite(maxs[i]) || maxs[i] < mins[i])
            {
                throw new ArgumentException($"Axis {i} has edges [{mins[i]}, {maxs[i]}]; need finite min <= max.");
            }

            bool log = !logFlags.IsEmpty && logFlags[i];
            if (!log)
            {
                scaled[i] = mins[i] + (u * (maxs[i] - mins[i]));
                continue;
            }

            if (mins[i] <= 0)
            {
                throw new ArgumentException($"Axis {i} is log10-uniform but its lower edge {mins[i]} is not positive.");
            }

            double log10Min = Math.Log10(mins[i]);
            double log10Max = Math.Log10(maxs[i]);
            // Clamp: 10^(log10 x) can miss x by an ulp, and the box edges are promised.
            scaled[i] = Math.Clamp(Math.Pow(10, log10Min + (u * (log10Max - log10Min))), mins[i], maxs[i]);
        }

        return scaled;
    }

    /// <summary>Integer coordinates of point <paramref name="index"/>: XOR of v_j over the set bits j of gray(index).</summary>
    private uint[] StateAt(long index)
    {
        var x = new uint[Dimensions];
        ulong gray = (ulong)index ^ ((ulong)index >> 1);
        for (var bit = 0; gray != 0; bit++, gray >>= 1)
        {
            if ((gray & 1) == 0)
            {
                continue;
            }

            for (var d = 0; d < Dimensions; d++)
            {
                x[d] ^= _directions[d][bit];
            }
        }

        return x;
    }

    /// <summary>Turns point <paramref name="index"/> - 1 into point <paramref name="index"/> in place.</summary>
    private void Advance(uint[] x, long index)
    {
        // Gray-code step: gray(n) and gray(n-1) differ in exactly bit ctz(n), the lowest set bit of n.
        int bit = System.Numerics.BitOperations.TrailingZeroCount((ulong)index);
        for (var d = 0; d < Dimensions; d++)
        {
            x[d] ^= _directions[d][bit];
        }
    }

    private static double[] ToUnit(uint[] x)
    {
        var point = new double[x.Length];
        for (var d = 0; d < x.Length; d++)
        {
            point[d] = x[d] * Scale;
        }

        return point;
    }

    private static uint[] VanDerCorputDirections()
    {
        var v = new uint[Bits];
        for (var j = 0; j < Bits; j++)
        {
            v[j] = 1u << (Bits - 1 - j);
        }

        return v;
    }

    /// <summary>
    /// v_1..v_32 of one dimension: v_j = m_j 2^(32-j) for j &lt;= s, then the Bratley-Fox recurrence
    /// v_j = v_{j-s} XOR (v_{j-s} &gt;&gt; s) XOR (XOR over k = 1..s-1 of a_k v_{j-k}) (Joe &amp; Kuo 2008, Eq. 2.2,
    /// in left-aligned integers).
    /// </summary>
    private static uint[] Directions(JoeKuoDirectionNumbers.Line line)
    {
        int s = line.Degree;
        var v = new uint[Bits];
        for (var j = 0; j < Bits; j++)
        {
            if (j < s)
            {
                v[j] = line.InitialNumbers[j] << (Bits - 1 - j);
                continue;
            }

            uint value = v[j - s] ^ (v[j - s] >> s);
            for (var k = 1; k < s; k++)
            {
                if (((line.Coefficients >> (s - 1 - k)) & 1) != 0)
                {
                    value ^= v[j - k];
                }
            }

            v[j] = value;
        }

        return v;
    }
}
