using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace StreamProcessor.PhaseSpace.Kde;

/// <summary>
/// The two dense loops of the fast KDE: C = A B^T over padded point columns, and an in-place exponential.
/// System.Numerics.Tensors is not part of the .NET 10 shared framework, so these use <see cref="Vector{T}"/> directly.
/// </summary>
internal static class VectorKernels
{
    internal static int Width => Vector<double>.Count;

    /// <summary>Smallest multiple of the vector width that holds <paramref name="count"/> values.</summary>
    internal static int RoundUpToWidth(int count) => (count + Width - 1) / Width * Width;

    /// <summary>
    /// c[i * cols + j] = sum over p &lt; length of a[i * stride + p] * b[j * stride + p]. Both stride and length are
    /// multiples of the vector width; 2 x 4 register blocking keeps 8 accumulators in flight per inner step.
    /// </summary>
    internal static void MultiplyByTranspose(
        ReadOnlySpan<double> a, int rows, ReadOnlySpan<double> b, int cols, int stride, int length, Span<double> c)
    {
        if (stride % Width != 0 || length % Width != 0 || length > stride
            || a.Length < rows * stride || b.Length < cols * stride || c.Length < rows * cols)
        {
            throw new ArgumentException("Matrix shapes do not match the padded layout.");
        }

        int vectorStride = stride / Width;
        int vectors = length / Width;
        ref Vector<double> av = ref Unsafe.As<double, Vector<double>>(ref MemoryMarshal.GetReference(a));
        ref Vector<double> bv = ref Unsafe.As<double, Vector<double>>(ref MemoryMarshal.GetReference(b));

        int i = 0;
        for (; i + 1 < rows; i += 2)
        {
            ref Vector<double> a0 = ref Unsafe.Add(ref av, i * vectorStride);
            ref Vector<double> a1 = ref Unsafe.Add(ref a0, vectorStride);
            int j = 0;
            for (; j + 3 < cols; j += 4)
            {
                ref Vector<double> b0 = ref Unsafe.Add(ref bv, j * vectorStride);
                ref Vector<double> b1 = ref Unsafe.Add(ref b0, vectorStride);
                ref Vector<double> b2 = ref Unsafe.Add(ref b1, vectorStride);
                ref Vector<double> b3 = ref Unsafe.Add(ref b2, vectorStride);
                Vector<double> s00 = Vector<double>.Zero, s01 = Vector<double>.Zero, s02 = Vector<double>.Zero, s03 = Vector<double>.Zero;
                Vector<double> s10 = Vector<double>.Zero, s11 = Vector<double>.Zero, s12 = Vector<double>.Zero, s13 = Vector<double>.Zero;
                for (int p = 0; p < vectors; p++)
                {
                    Vector<double> x0 = Unsafe.Add(ref a0, p);
                    Vector<double> x1 = Unsafe.Add(ref a1, p);
                    Vector<double> y0 = Unsafe.Add(ref b0, p);
                    Vector<double> y1 = Unsafe.Add(ref b1, p);
                    Vector<double> y2 = Unsafe.Add(ref b2, p);
                    Vector<double> y3 = Unsafe.Add(ref b3, p);
                    s00 = MultiplyAdd(x0, y0, s00); s01 = MultiplyAdd(x0, y1, s01); s02 = MultiplyAdd(x0, y2, s02); s03 = MultiplyAdd(x0, y3, s03);
                    s10 = MultiplyAdd(x1, y0, s10); s11 = MultiplyAdd(x1, y1, s11); s12 = MultiplyAdd(x1, y2, s12); s13 = MultiplyAdd(x1, y3, s13);
                }

                int r0 = i * cols;
                int r1 = r0 + cols;
                c[r0 + j] = Vector.Sum(s00); c[r0 + j + 1] = Vector.Sum(s01); c[r0 + j + 2] = Vector.Sum(s02); c[r0 + j + 3] = Vector.Sum(s03);
                c[r1 + j] = Vector.Sum(s10); c[r1 + j + 1] = Vector.Sum(s11); c[r1 + j + 2] = Vector.Sum(s12); c[r1 + j + 3] = Vector.Sum(s13);
            }

            for (; j < cols; j++)
            {
                ref Vector<double> b0 = ref Unsafe.Add(ref bv, j * vectorStride);
                Vector<double> s0 = Vector<double>.Zero, s1 = Vector<double>.Zero;
                for (int p = 0; p < vectors; p++)
                {
                    Vector<double> y0 = Unsafe.Add(ref b0, p);
                    s0 = MultiplyAdd(Unsafe.Add(ref a0, p), y0, s0);
                    s1 = MultiplyAdd(Unsafe.Add(ref a1, p), y0, s1);
                }

                c[(i * cols) + j] = Vector.Sum(s0);
                c[((i + 1) * cols) + j] = Vector.Sum(s1);
            }
        }

        if (i < rows)
        {
            ref Vector<double> a0 = ref Unsafe.Add(ref av, i * vectorStride);
            for (int j = 0; j < cols; j++)
            {
                ref Vector<double> b0 = ref Unsafe.Add(ref bv, j * vectorStride);
                Vector<double> s0 = Vector<double>.Zero;
                for (int p = 0; p < vectors; p++)
                {
                    s0 = MultiplyAdd(Unsafe.Add(ref a0, p), Unsafe.Add(ref b0, p), s0);
                }

                c[(i * cols) + j] = Vector.Sum(s0);
            }
        }
    }

    /// <summary>
    /// x * y + acc: one fused instruction where the CPU has FMA (the JIT folds the check to a constant), otherwise a
    /// multiply and an add, never the slow software fallback of <see cref="Vector.FusedMultiplyAdd(Vector{double}, Vector{double}, Vector{double})"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> MultiplyAdd(Vector<double> x, Vector<double> y, Vector<double> acc) =>
        Fma.IsSupported || AdvSimd.IsSupported ? Vector.FusedMultiplyAdd(x, y, acc) : (x * y) + acc;

    /// <summary>x = exp(x) element-wise; <see cref="Vector.Exp(Vector{double})"/> agrees with Math.Exp to a few 1e-16 relative.</summary>
    internal static void ExpInPlace(Span<double> x)
    {
        Span<Vector<double>> vectors = MemoryMarshal.Cast<double, Vector<double>>(x);
        for (int i = 0; i < vectors.Length; i++)
        {
            vectors[i] = Vector.Exp(vectors[i]);
        }

        for (int i = vectors.Length * Width; i < x.Length; i++)
        {
            x[i] = Math.Exp(x[i]);
        }
    }

    /// <summary>z[p] = x[p] * y[p] for p &lt; z.Length (a multiple of the vector width).</summary>
    internal static void Multiply(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> z)
    {
        ReadOnlySpan<Vector<double>> xv = MemoryMarshal.Cast<double, Vector<double>>(x);
        ReadOnlySpan<Vector<double>> yv = MemoryMarshal.Cast<double, Vector<double>>(y);
        Span<Vector<double>> zv = MemoryMarshal.Cast<double, Vector<double>>(z);
        for (int i = 0; i < zv.Length; i++)
        {
            zv[i] = xv[i] * yv[i];
        }
    }
}
