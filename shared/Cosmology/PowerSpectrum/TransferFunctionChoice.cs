namespace StreamProcessor.Cosmology.PowerSpectrum;

/// <summary>
/// Which linear transfer function a cosmology's power spectrum uses (<see cref="FlatLcdm.Transfer"/>). A value: two
/// choices are equal when they give the same T(k), so it is part of the σ(M) table's cache key.
/// </summary>
public abstract record TransferFunctionChoice
{
    /// <summary>The option text of <see cref="EisensteinHu1998"/>.</summary>
    public const string EisensteinHu1998Option = "eh98";

    /// <summary>The option text of <see cref="EisensteinHu1998NoWiggle"/>.</summary>
    public const string NoWiggleOption = "eh98-nowiggle";

    /// <summary>The option prefix of a table, followed by its path.</summary>
    public const string TablePrefix = "table:";

    private TransferFunctionChoice()
    {
    }

    /// <summary>Eisenstein &amp; Hu (1998) with baryon oscillations (<see cref="PowerSpectrum.EisensteinHu1998"/>); the default.</summary>
    public static TransferFunctionChoice EisensteinHu1998 { get; } = new FullFit();

    /// <summary>Eisenstein &amp; Hu (1998) zero-baryon-oscillation fit (<see cref="PowerSpectrum.EisensteinHuNoWiggle"/>).</summary>
    public static TransferFunctionChoice EisensteinHu1998NoWiggle { get; } = new NoWiggleFit();

    /// <summary>The name a record states, e.g. "eisenstein-hu-1998" or "table:planck_transfer_out.dat".</summary>
    public abstract string Name { get; }

    /// <summary>A tabulated T(k) or P(k) from CAMB or CLASS (<see cref="TransferTable"/>).</summary>
    public static TransferFunctionChoice FromTable(TransferTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new Table(table);
    }

    /// <summary>
    /// "eh98", "eh98-nowiggle" or "table:&lt;path&gt;" (read and checked now; a relative path is taken from the working
    /// directory). Throws <see cref="ArgumentException"/> naming the option or the file and line at fault.
    /// </summary>
    public static TransferFunctionChoice Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        if (trimmed.Equals(EisensteinHu1998Option, StringComparison.OrdinalIgnoreCase)) return EisensteinHu1998;
        if (trimmed.Equals(NoWiggleOption, StringComparison.OrdinalIgnoreCase)) return EisensteinHu1998NoWiggle;
        if (!trimmed.StartsWith(TablePrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"Transfer '{text}' is not one of {EisensteinHu1998Option}, {NoWiggleOption}, {TablePrefix}<path of a CAMB or CLASS table>.", nameof(text));
        }

        string path = Path.GetFullPath(trimmed[TablePrefix.Length..]);
        try
        {
            return FromTable(TransferTableReader.Read(path));
        }
        catch (InvalidDataException e)
        {
            throw new ArgumentException(e.Message, nameof(text), e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string reason = e is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist" : e.Message;
            throw new ArgumentException($"Transfer table '{path}' cannot be used: {reason}", nameof(text), e);
        }
    }

    /// <summary>T(k) of this choice for <paramref name="cosmology"/> (its σ₈ does not enter).</summary>
    public abstract ITransferFunction For(FlatLcdm cosmology);

    private sealed record FullFit : TransferFunctionChoice
    {
        public override string Name => "eisenstein-hu-1998";

        public override ITransferFunction For(FlatLcdm cosmology) => new PowerSpectrum.EisensteinHu1998(cosmology);
    }

    private sealed record NoWiggleFit : TransferFunctionChoice
    {
        public override string Name => "eisenstein-hu-1998-no-wiggle";

        public override ITransferFunction For(FlatLcdm cosmology) => new EisensteinHuNoWiggle(cosmology);
    }

    private sealed record Table(TransferTable Data) : TransferFunctionChoice
    {
        public override string Name => TablePrefix + Data.FileName;

        public override ITransferFunction For(FlatLcdm cosmology) => Data.For(cosmology);
    }
}
