namespace StreamProcessor.Fits.Tests;

/// <summary>Round trips through <see cref="FitsWriter"/> and <see cref="FitsReader"/>, and the linear (no projection) WCS.</summary>
public sealed class FitsWriterTests
{
    [Fact]
    public void Pixels_unit_and_centred_wcs_survive_a_round_trip_through_an_image_extension()
    {
        float[] pixels = [1f, -2.5f, float.NaN, 3e-14f, 0f, float.MaxValue];
        var wcs = FitsWcsSpec.CentredTan(3, 2, 201.25, -12.5, 10.0);

        byte[] file = FitsWriter.Write(pixels, 3, 2, new FitsWriteOptions { Bunit = "cm-2", Wcs = wcs, AsImageExtension = true, ExtName = "MAP" });
        var image = FitsReader.Read(file);

        Assert.Equal(0, file.Length % 2880);
        Assert.Equal((1, "MAP", "cm-2"), (image.Header.HduIndex, image.Header.OptionalString("EXTNAME"), image.Bunit));
        Assert.Equal(pixels.Select(p => (double)p), image.Pixels);
        Assert.Equal((201.25, -12.5), (image.Wcs!.CentreRaDeg, image.Wcs.CentreDecDeg));
        Assert.Equal(10.0, image.Wcs.PixelScaleArcsec, 1e-9);
    }

    [Fact]
    public void A_linear_wcs_maps_the_centre_by_crval_plus_cd_times_the_pixel_offset()
    {
        var spec = new FitsWcsSpec { Projection = FitsProjection.Linear, CrPix1 = 1, CrPix2 = 1, CrVal1Deg = 359.5, CrVal2Deg = 10, Cd11 = 0.25, Cd22 = 0.5 };

        var image = FitsReader.Read(FitsWriter.Write(new float[5 * 3], 5, 3, new FitsWriteOptions { Wcs = spec }));

        // Centre pixel (3, 2): RA = 359.5 + 0.25 × 2 = 360.0 → 0 after normalisation; Dec = 10 + 0.5 × 1.
        Assert.Equal((FitsProjection.Linear, 0.0, 10.5), (image.Wcs!.Projection, image.Wcs.CentreRaDeg, image.Wcs.CentreDecDeg));
        Assert.Equal(Math.Sqrt(0.25 * 0.5) * 3600, image.Wcs.PixelScaleArcsec, 1e-9);
    }

    [Fact]
    public void An_image_without_wcs_keywords_says_so_and_an_unsupported_projection_says_which()
    {
        var bare = FitsReader.Read(FitsWriter.Write(new float[4], 2, 2));
        var sin = FitsReader.Read(FitsBytes.Image16(("CTYPE1", "'RA---SIN'"), ("CTYPE2", "'DEC--SIN'"), ("CRVAL1", "1.0")));
        var partial = FitsReader.Read(FitsBytes.Image16(("CTYPE1", "'RA---TAN'"), ("CTYPE2", "'DEC--TAN'"), ("CRVAL1", "1.0"), ("CRVAL2", "2.0"), ("CRPIX1", "1.0"), ("CRPIX2", "1.0")));

        Assert.Null(bare.Wcs);
        Assert.StartsWith("no WCS keywords", bare.WcsIssue);
        Assert.Equal("projection 'SIN' is not supported (TAN or linear only)", sin.WcsIssue);
        Assert.Equal("incomplete WCS: neither CDi_j nor both CDELT1 and CDELT2", partial.WcsIssue);
    }

    [Fact]
    public void The_writer_refuses_a_pixel_count_that_is_not_width_times_height()
    {
        Assert.Throws<ArgumentException>(() => FitsWriter.Write(new float[5], 2, 2));
    }
}
