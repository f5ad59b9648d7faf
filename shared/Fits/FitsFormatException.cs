namespace StreamProcessor.Fits;

/// <summary>
/// The one exception <see cref="FitsReader"/> throws for bytes that are not a readable 2D FITS image: the message names
/// the problem (and the HDU and card where there is one). Any other exception escaping the reader for malformed input
/// is a bug; I/O failures (a missing file) are not malformed input and surface as they are.
/// </summary>
public sealed class FitsFormatException : Exception
{
    public FitsFormatException(string message)
        : base(message)
    {
    }

    public FitsFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
