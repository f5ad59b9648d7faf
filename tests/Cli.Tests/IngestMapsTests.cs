using System.CommandLine;
using System.Text;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Fits;
using StreamProcessor.IngestCli;

namespace StreamProcessor.Cli.Tests;

/// <summary>`ingest maps`: FITS files through the command line to topic maps on the embedded broker; a malformed file is reported, not a crash.</summary>
public sealed class IngestMapsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ingest-maps-");

    [Fact]
    public async Task A_good_fits_is_published_to_maps_and_a_malformed_one_is_reported_with_its_reason()
    {
        using var broker = new BrokerFixture();
        string good = Path.Combine(_folder.FullName, "a2029.fits");
        FitsWriter.Write(good, [1f, 2f, 3f, 4f, 5f, 6f], 3, 2,
            new FitsWriteOptions { Bunit = "cm-2", AsImageExtension = true, Wcs = FitsWcsSpec.CentredTan(3, 2, 227.73, 5.74, 30) });
        string bad = Path.Combine(_folder.FullName, "broken.fits");
        await File.WriteAllBytesAsync(bad, File.ReadAllBytes(good)[..3000]);
        var output = new StringWriter();

        int exitCode = await IngestCommands.CreateRoot()
            .Parse(["maps", good, bad, "--bootstrap", broker.Kafka.BootstrapServers, "--field-kind", "hi-column-density", "--survey", "wallaby", "--redshift", "0.077"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = new StringWriter() });

        Assert.Equal(ExitCodes.Success, exitCode);
        string report = output.ToString();
        Assert.Contains("2 files: 1 maps accepted, 1 rejected", report);
        Assert.Contains("rejected broken.fits (map broken): malformed FITS: HDU 1: no END card before the end of the file", report);
        Assert.Contains("published: 1 of 1 maps acknowledged, 0 failed", report);
        var (map, headers) = Assert.Single(broker.Read(Topics.Maps, new SkyMapCodec()));
        Assert.Equal(("a2029", "wallaby", SkyMapFieldKind.HiColumnDensity, "cm-2"), (map.MapId, map.Survey, map.FieldKind, map.Units));
        Assert.Equal((227.73, 5.74, 3, 2), (map.CentreRaDeg, map.CentreDecDeg, map.Width, map.Height));
        Assert.Equal("sky-map", Encoding.UTF8.GetString(headers.GetLastBytes(MessageHeaders.SchemaName)));
    }

    [Fact]
    public async Task Fits_maps_without_field_kind_survey_and_redshift_are_bad_usage()
    {
        string path = Path.Combine(_folder.FullName, "any.fits");
        FitsWriter.Write(path, [1f], 1, 1);
        var error = new StringWriter();

        int exitCode = await IngestCommands.CreateRoot().Parse(["maps", path, "--bootstrap", "localhost:1"])
            .InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), Error = error });

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("FITS maps need --field-kind, --survey and --redshift", error.ToString());
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
