using TorchSharp;
using static TorchSharp.torch;

namespace StreamProcessor.Torch;

/// <summary>
/// Additions whose every Scalar outlives the native call. TorchSharp 0.107's <c>Tensor.add(x)</c> passes alpha as a
/// Scalar converted from the number 1 on each call; nothing references that wrapper once its handle is read, so the
/// garbage collector may finalise it (freeing the native Scalar) while libtorch still reads it (dotnet/TorchSharp#1434).
/// Seen here as "Expected false to be true ... toFloat at c10/core/Scalar.h" in <c>MomentHead.forward</c>, epoch 18 of
/// a 400,000-stack training. Every add in this project goes through these, with an alpha that is never freed.
/// </summary>
public static class TensorArithmetic
{
    private static readonly Scalar One = 1.ToScalar();

    /// <summary><paramref name="left"/> + <paramref name="right"/>, element-wise (broadcasting).</summary>
    public static Tensor Plus(this Tensor left, Tensor right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left.add(right, One);
    }

    /// <summary><paramref name="left"/> + <paramref name="right"/>; the caller keeps <paramref name="right"/> alive.</summary>
    public static Tensor Plus(this Tensor left, Scalar right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left.add(right, One);
    }

    /// <summary><paramref name="left"/> + <paramref name="right"/>, the number held as a Scalar until the call returns.</summary>
    public static Tensor Plus(this Tensor left, double right)
    {
        ArgumentNullException.ThrowIfNull(left);
        using var scalar = right.ToScalar();
        return left.add(scalar, One);
    }

    /// <summary><paramref name="left"/> × <paramref name="right"/>, the number held as a Scalar until the call returns.</summary>
    public static Tensor Times(this Tensor left, double right)
    {
        ArgumentNullException.ThrowIfNull(left);
        using var scalar = right.ToScalar();
        return left.mul(scalar);
    }
}
