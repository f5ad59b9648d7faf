namespace StreamProcessor.Torch.Bundles;

/// <summary>A model bundle failed its checks (missing files, wrong hash, unknown architecture, incompatible version).</summary>
public sealed class ModelCardException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelCardException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public ModelCardException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
