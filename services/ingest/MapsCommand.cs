using System.CommandLine;
using System.Globalization;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Fits;
using StreamProcessor.Ingestion.Connection;
using StreamProcessor.Ingestion.Maps;
using StreamProcessor.Kafka;

namespace StreamProcessor.IngestCli;

/// <summary>
/// `ingest maps &lt;path&gt;...`: reads sky maps from FITS images (one map per file: the primary HDU, or the first
/// IMAGE extension when the primary is empty) or Arrow tables of sky-map rows, validates each with the sky-map codec,
/// reports every refused file or row with its reason (a malformed FITS is reported, never a crash), and publishes the
/// rest to <c>maps</c>. What a FITS file does not say (field kind, survey, redshift) comes from the options; the
/// position and pixel scale come from its WCS (RA---TAN/DEC--TAN or linear) unless given.
/// </summary>
public static class MapsCommand
{
    public static Command Create()
    {
        var paths = new Argument<FileInfo[]>("path")
        {
            Description = "FITS images (.fits, .fit, .fts; one map each) or Arrow IPC tables of sky-map rows (.arrow).",
            Arity = ArgumentArity.OneOrMore,
        };
        var bootstrap = CommonOptions.Bootstrap();
        var topic = CommonOptions.Topic(Topics.Maps);
        var fieldKind = new Option<string?>("--field-kind") { Description = "What the FITS pixels measure (required for FITS files)." };
        fieldKind.AcceptOnlyFromAmong([.. EnumText.FieldKindValues]);
        var survey = new Option<string?>("--survey") { Description = "Survey name (required for FITS files)." };
        var redshift = new Option<double?>("--redshift") { Description = "Redshift of the object each map is centred on (required for FITS files)." };
        var mapId = new Option<string?>("--map-id") { Description = "Map id (one FITS file only; default: the file name without extension)." };
        var objectId = new Option<string?>("--object-id") { Description = "Object the maps are centred on: give the X-ray and the HI map of one object the same id, and map-features joins them into one record (default: none, each map stands alone)." };
        var units = new Option<string?>("--units") { Description = "Unit of the pixel values (default: BUNIT)." };
        var ra = new Option<double?>("--ra") { Description = "Centre right ascension, degrees (overrides or supplies the WCS)." };
        var dec = new Option<double?>("--dec") { Description = "Centre declination, degrees (overrides or supplies the WCS)." };
        var scale = new Option<double?>("--pixel-scale-arcsec") { Description = "Side of one square pixel, arcsec (overrides or supplies the WCS)." };
        var extension = new Option<string?>("--extension") { Description = "HDU to read: an index (0 = primary) or an EXTNAME." };
        var command = new Command("maps", "Publish sky maps from FITS images or Arrow sky-map tables to 'maps'.")
        {
            paths, bootstrap, topic, fieldKind, survey, redshift, mapId, objectId, units, ra, dec, scale, extension,
        };
        command.SetAction(async (parse, token) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var kafka = CommandLineKafka.Resolve(parse.GetValue(bootstrap), "ingest");
            if (kafka is null)
            {
                await error.WriteLineAsync(CommandLineKafka.NoBootstrapMessage);
                return ExitCodes.Usage;
            }

            string[] files = [.. parse.GetRequiredValue(paths).Select(f => f.FullName)];
            if (parse.GetValue(mapId) is not null && files.Count(MapFiles.IsFits) > 1)
            {
                await error.WriteLineAsync("--map-id names one map: give it with one FITS file only");
                return ExitCodes.Usage;
            }

            MapFileOptions? options = parse.GetValue(fieldKind) is { } kind && parse.GetValue(survey) is { } surveyName && parse.GetValue(redshift) is { } z
                ? new MapFileOptions
                {
                    FieldKind = EnumText.ParseFieldKind(kind),
                    Survey = surveyName,
                    Redshift = z,
                    MapId = parse.GetValue(mapId),
                    ObjectId = parse.GetValue(objectId),
                    Units = parse.GetValue(units),
                    RaDeg = parse.GetValue(ra),
                    DecDeg = parse.GetValue(dec),
                    PixelScaleArcsec = parse.GetValue(scale),
                    Fits = ReadOptions(parse.GetValue(extension)),
                }
                : null;
            if (options is null && files.Any(MapFiles.IsFits))
            {
                await error.WriteLineAsync("FITS maps need --field-kind, --survey and --redshift: a FITS file does not say them");
                return ExitCodes.Usage;
            }

            var outcome = await RunAsync(files, options, kafka, parse.GetRequiredValue(topic), parse.InvocationConfiguration.Output, token);
            if (outcome.Error is not null) await error.WriteLineAsync(outcome.Error);
            return outcome.ExitCode;
        });
        return command;
    }

    /// <summary>Reads, validates, reports and publishes; bad files never throw.</summary>
    public static async Task<IngestOutcome> RunAsync(
        IReadOnlyList<string> paths, MapFileOptions? options, KafkaOptions kafka, string topic, TextWriter output, CancellationToken cancellationToken)
    {
        var assembly = await new MapFiles().ReadAsync(paths, options, cancellationToken);
        await MapReport.WriteAsync(output, paths.Count, assembly);
        if (assembly.Maps.Count == 0)
        {
            return new IngestOutcome(ExitCodes.NothingPublished, Maps: assembly, Error: "nothing to publish: every map was rejected");
        }

        var result = await Publishing.MapsAsync(kafka, assembly.Maps, topic, output, cancellationToken);
        return new IngestOutcome(Publishing.ExitCodeOf(result), Publish: result, Maps: assembly,
            Error: result.Acknowledged == 0 ? "nothing was published: every delivery failed" : null);
    }

    private static FitsReadOptions ReadOptions(string? extension) => extension switch
    {
        null => FitsReadOptions.Default,
        _ when int.TryParse(extension, NumberStyles.None, CultureInfo.InvariantCulture, out int index) => new FitsReadOptions { HduIndex = index },
        _ => new FitsReadOptions { ExtName = extension },
    };
}
