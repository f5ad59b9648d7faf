namespace StreamProcessor.Fits;

/// <summary>
/// Header keywords → <see cref="FitsWcs"/>, or the reason there is none. A missing or unsupported WCS is not a format
/// error: the pixels are still good, and a caller can supply the position itself. A WCS keyword with a malformed value
/// is one (<see cref="FitsFormatException"/>).
/// </summary>
internal static class FitsWcsReader
{
    private static readonly string[] WcsKeywords =
        ["CTYPE1", "CTYPE2", "CRVAL1", "CRVAL2", "CRPIX1", "CRPIX2", "CDELT1", "CDELT2", "CD1_1", "CD1_2", "CD2_1", "CD2_2"];

    public static (FitsWcs? Wcs, string? Issue) Read(FitsHeader header, int width, int height)
    {
        if (!WcsKeywords.Any(header.Contains)) return (null, "no WCS keywords (CTYPEi, CRVALi, CRPIXi, CDi_j or CDELTi)");

        var (projection, projectionIssue) = ProjectionOf(header.OptionalString("CTYPE1") ?? "", header.OptionalString("CTYPE2") ?? "");
        if (projectionIssue is not null) return (null, projectionIssue);

        string? missing = new[] { "CRVAL1", "CRVAL2", "CRPIX1", "CRPIX2" }.FirstOrDefault(k => !header.Contains(k));
        if (missing is not null) return (null, $"incomplete WCS: {missing} is missing");

        var (cd, matrixIssue) = CdMatrix(header);
        if (cd is not { } m) return (null, matrixIssue);
        if ((m.C11 * m.C22) - (m.C12 * m.C21) == 0) return (null, "singular WCS matrix (det CD = 0): no pixel scale");

        double crval2 = header.OptionalReal("CRVAL2")!.Value;
        if (Math.Abs(crval2) > 90) return (null, $"CRVAL2 = {crval2} is not a declination in [-90, 90]");

        var wcs = new FitsWcs
        {
            Projection = projection,
            CrPix1 = header.OptionalReal("CRPIX1")!.Value,
            CrPix2 = header.OptionalReal("CRPIX2")!.Value,
            CrVal1Deg = header.OptionalReal("CRVAL1")!.Value,
            CrVal2Deg = crval2,
            Cd11 = m.C11,
            Cd12 = m.C12,
            Cd21 = m.C21,
            Cd22 = m.C22,
            LonPoleDeg = header.OptionalReal("LONPOLE") ?? GnomonicProjection.DefaultLonPoleDeg(crval2),
            CentreRaDeg = 0,
            CentreDecDeg = 0,
        };
        // The centre of the image in 1-based FITS pixels: pixel i covers [i − 0.5, i + 0.5] (FITS 4.0 §8.1 / Paper I §2.1.1).
        var (ra, dec) = wcs.PixelToWorld((width + 1) / 2.0, (height + 1) / 2.0);
        if (!double.IsFinite(ra) || !double.IsFinite(dec) || Math.Abs(dec) > 90) return (null, "the WCS puts the image centre off the sky");
        return (wcs with { CentreRaDeg = ra, CentreDecDeg = dec }, null);
    }

    /// <summary>Paper I §2.1.4: CTYPEi is a 4-character coordinate type padded with '-', then '-' and a 3-letter code.</summary>
    private static (FitsProjection Projection, string? Issue) ProjectionOf(string ctype1, string ctype2)
    {
        string c1 = ctype1.Trim().ToUpperInvariant();
        string c2 = ctype2.Trim().ToUpperInvariant();
        if (c1 is "" or "RA" or "LINEAR" && c2 is "" or "DEC" or "LINEAR") return (FitsProjection.Linear, null);
        if (c1.StartsWith("RA--", StringComparison.Ordinal) && c2.StartsWith("DEC-", StringComparison.Ordinal))
        {
            string code1 = c1.Length > 5 ? c1[5..] : "";
            string code2 = c2.Length > 5 ? c2[5..] : "";
            if (code1 != code2) return (default, $"CTYPE1 '{ctype1}' and CTYPE2 '{ctype2}' name different projections");
            return code1 == "TAN"
                ? (FitsProjection.Gnomonic, null)
                : (default, $"projection '{code1}' is not supported (TAN or linear only)");
        }

        return (default, $"CTYPE1 '{ctype1}' / CTYPE2 '{ctype2}' are not RA---TAN / DEC--TAN or linear RA / Dec axes");
    }

    /// <summary>
    /// The CD matrix, degrees per pixel. Paper I §2.1.2: CDi_j when any is present (missing elements are 0), else
    /// CDELTi × PCi_j (PC defaults to the unit matrix); the older CROTA2 form is converted as in Paper II §6.1.
    /// </summary>
    private static ((double C11, double C12, double C21, double C22)? Cd, string? Issue) CdMatrix(FitsHeader header)
    {
        if (new[] { "CD1_1", "CD1_2", "CD2_1", "CD2_2" }.Any(header.Contains))
        {
            return ((header.OptionalReal("CD1_1") ?? 0, header.OptionalReal("CD1_2") ?? 0,
                header.OptionalReal("CD2_1") ?? 0, header.OptionalReal("CD2_2") ?? 0), null);
        }

        if (header.OptionalReal("CDELT1") is not { } s1 || header.OptionalReal("CDELT2") is not { } s2)
        {
            return (null, "incomplete WCS: neither CDi_j nor both CDELT1 and CDELT2");
        }

        if (new[] { "PC1_1", "PC1_2", "PC2_1", "PC2_2" }.Any(header.Contains))
        {
            return ((s1 * (header.OptionalReal("PC1_1") ?? 1), s1 * (header.OptionalReal("PC1_2") ?? 0),
                s2 * (header.OptionalReal("PC2_1") ?? 0), s2 * (header.OptionalReal("PC2_2") ?? 1)), null);
        }

        double rho = (header.OptionalReal("CROTA2") ?? 0) * Math.PI / 180.0;
        return ((s1 * Math.Cos(rho), -s2 * Math.Sin(rho), s1 * Math.Sin(rho), s2 * Math.Cos(rho)), null);
    }
}
