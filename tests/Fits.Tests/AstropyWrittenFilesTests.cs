using System.Text.Json;

namespace StreamProcessor.Fits.Tests;

/// <summary>
/// Files written by astropy (scripts/write_fixtures.py) read as astropy reads them: pixels after BSCALE/BZERO/BLANK, BUNIT,
/// and the WCS centre, scale and corners from astropy.wcs (wcslib). Tolerance 1e-9 deg for positions: both evaluate the
/// same closed-form deprojection in double precision.
/// </summary>
public sealed class AstropyWrittenFilesTests(AstropyFixtures fixtures) : IClassFixture<AstropyFixtures>
{
    private const double SkyToleranceDeg = 1e-9;

    [Theory]
    [InlineData("bitpix8.fits")]
    [InlineData("bitpix16.fits")]
    [InlineData("bitpix32.fits")]
    [InlineData("bitpix64.fits")]
    [InlineData("bitpix-32.fits")]
    [InlineData("bitpix-64.fits")]
    [InlineData("uint16.fits")]
    [InlineData("scaled_blank.fits")]
    [InlineData("cube1.fits")]
    [InlineData("extensions.fits")]
    [InlineData("tan_cd.fits")]
    [InlineData("tan_cdelt.fits")]
    [InlineData("tan_extension.fits")]
    public void Pixels_unit_and_wcs_are_what_astropy_reads(string name)
    {
        var expected = fixtures.Expected.GetProperty(name);

        var image = FitsReader.Read(fixtures.PathOf(name));

        AssertSameAsAstropy(expected, image);
    }

    [Fact]
    public void An_image_extension_is_picked_by_extname_case_insensitively()
    {
        var expected = fixtures.Expected.GetProperty("extensions.fits[NOISE]");

        var image = FitsReader.Read(fixtures.PathOf("extensions.fits"), new FitsReadOptions { ExtName = "noise" });

        AssertSameAsAstropy(expected, image);
    }

    [Fact]
    public void An_image_extension_is_picked_by_index_and_a_table_extension_is_refused()
    {
        var image = FitsReader.Read(fixtures.PathOf("extensions.fits"), new FitsReadOptions { HduIndex = 3 });
        var table = Assert.Throws<FitsFormatException>(() => FitsReader.Read(fixtures.PathOf("extensions.fits"), new FitsReadOptions { HduIndex = 1 }));
        var missing = Assert.Throws<FitsFormatException>(() => FitsReader.Read(fixtures.PathOf("extensions.fits"), new FitsReadOptions { ExtName = "EXPOSURE" }));

        Assert.Equal(("NOISE", 6, 2), (image.Header.OptionalString("EXTNAME"), image.Width, image.Height));
        Assert.Contains("HDU 1 is a BINTABLE extension, not an IMAGE", table.Message);
        Assert.Contains("no IMAGE extension with EXTNAME 'EXPOSURE' among the file's 4 HDUs", missing.Message);
    }

    [Fact]
    public void The_fixtures_exercise_bzero_bscale_and_blank()
    {
        var unsigned = FitsReader.Read(fixtures.PathOf("uint16.fits"));
        var scaled = FitsReader.Read(fixtures.PathOf("scaled_blank.fits"));

        Assert.Equal((16, 32768L), (unsigned.Bitpix, unsigned.Header.Values["BZERO"]));
        Assert.Equal((0.5, 10.0, -32768L), (scaled.Header.Values["BSCALE"], scaled.Header.Values["BZERO"], scaled.Header.Values["BLANK"]));
        Assert.Equal("it's scaled", scaled.Bunit);
    }

    private static void AssertSameAsAstropy(JsonElement expected, FitsImage image)
    {
        Assert.Equal(expected.GetProperty("hdu").GetInt32(), image.Header.HduIndex);
        Assert.Equal((expected.GetProperty("width").GetInt32(), expected.GetProperty("height").GetInt32()), (image.Width, image.Height));
        Assert.Equal(expected.GetProperty("bitpix").GetInt32(), image.Bitpix);
        Assert.Equal(expected.GetProperty("bunit").ValueKind == JsonValueKind.Null ? null : expected.GetProperty("bunit").GetString(), image.Bunit);
        Astropy.EqualPixels(Astropy.Pixels(expected), image.Pixels);

        var centre = expected.GetProperty("centre");
        if (centre.ValueKind == JsonValueKind.Null)
        {
            Assert.Null(image.Wcs);
            return;
        }

        var wcs = Assert.IsType<FitsWcs>(image.Wcs);
        Assert.Equal(FitsProjection.Gnomonic, wcs.Projection);
        Astropy.EqualSky(centre[0].GetDouble(), centre[1].GetDouble(), wcs.CentreRaDeg, wcs.CentreDecDeg, SkyToleranceDeg, "centre");
        Assert.Equal(expected.GetProperty("scale_arcsec").GetDouble(), wcs.PixelScaleArcsec, 1e-9);
        foreach (var corner in expected.GetProperty("corners").EnumerateArray())
        {
            var (ra, dec) = wcs.PixelToWorld(corner[0].GetDouble(), corner[1].GetDouble());
            Astropy.EqualSky(corner[2].GetDouble(), corner[3].GetDouble(), ra, dec, SkyToleranceDeg, $"pixel ({corner[0]}, {corner[1]})");
        }
    }
}
