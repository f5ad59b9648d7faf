namespace StreamProcessor.Fits;

/// <summary>
/// Reads one header unit: 80-byte cards up to the END card, padded to whole 2880-byte blocks (FITS 4.0 §3.3.1, §4.4.1).
/// The first card must be SIMPLE = T in the primary HDU (§4.4.1.1) and XTENSION in an extension (§7).
/// </summary>
internal static class FitsHeaderReader
{
    public const int BlockBytes = 2880;

    /// <summary>The header starting at <paramref name="offset"/> and the offset of its data unit (the block after END).</summary>
    public static (FitsHeader Header, long DataOffset) Read(byte[] file, long offset, int hduIndex)
    {
        // Checked on the raw bytes first, so that any non-FITS file gets this message rather than a card-syntax one.
        if (hduIndex == 0 && !file.AsSpan(0, 8).SequenceEqual("SIMPLE  "u8))
        {
            string start = new([.. file.AsSpan(0, 8).ToArray().Select(b => b is >= 0x20 and <= 0x7E ? (char)b : '?')]);
            throw new FitsFormatException($"the first card starts with '{start}', not SIMPLE: not a FITS file (FITS 4.0 §4.4.1.1)");
        }

        var cards = new List<FitsCard>();
        for (long position = offset; ; position += FitsCardParser.CardBytes)
        {
            if (position + FitsCardParser.CardBytes > file.Length)
            {
                throw new FitsFormatException(
                    $"HDU {hduIndex}: no END card before the end of the file after {cards.Count} cards (truncated header; FITS 4.0 §4.4.1)");
            }

            var card = FitsCardParser.Parse(file.AsSpan((int)position, FitsCardParser.CardBytes), hduIndex, cards.Count);
            if (cards.Count == 0) CheckFirstCard(card, hduIndex);
            if (card.Keyword == "END" && !card.HasValue)
            {
                long headerEnd = position + FitsCardParser.CardBytes;
                return (new FitsHeader(hduIndex, cards), PadToBlock(headerEnd - offset) + offset);
            }

            cards.Add(card);
        }
    }

    public static long PadToBlock(long bytes) => (bytes + BlockBytes - 1) / BlockBytes * BlockBytes;

    private static void CheckFirstCard(FitsCard card, int hduIndex)
    {
        if (hduIndex == 0)
        {
            if (card.Value is not true)
            {
                throw new FitsFormatException($"SIMPLE = {FitsHeader.Describe(card.Value)}: the file does not declare conformance to the FITS standard (FITS 4.0 §4.4.1.1 requires T)");
            }
        }
        else if (card.Keyword != "XTENSION" || card.Value is not string)
        {
            throw new FitsFormatException($"HDU {hduIndex}: the first card is '{card.Keyword}', not XTENSION with a string value (FITS 4.0 §7)");
        }
    }
}
