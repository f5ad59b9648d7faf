namespace StreamProcessor.Fits;

/// <summary>
/// One 80-character header card (FITS 4.0 §4.1). <see cref="Value"/> is a <see cref="bool"/> (logical), <see cref="long"/>
/// (integer), <see cref="double"/> (real), <see cref="string"/> (character string, '' unescaped, trailing blanks
/// removed; a complex value is kept as its text) or null (undefined value, or a commentary card such as COMMENT or HISTORY,
/// whose text is then in <see cref="Comment"/>).
/// </summary>
public sealed record FitsCard(string Keyword, object? Value, string? Comment, bool HasValue);
