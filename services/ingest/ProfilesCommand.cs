using System.CommandLine;
using StreamProcessor.Contracts;
using StreamProcessor.Ingestion.Connection;
using StreamProcessor.Ingestion.Profiles;
using StreamProcessor.Kafka;

namespace StreamProcessor.IngestCli;

/// <summary>
/// `ingest profiles &lt;path&gt;`: reads stacked profiles from CSV or Arrow, one row per radial bin
/// (<c>profile_id, survey, redshift, stacked_objects, log10_halo_mass, radius_mpc_over_h</c>, then one column per
/// profile kind named as in schema stacked-profile, e.g. <c>gas_density_cm3</c>, <c>gas_temperature_kev</c>, each with
/// an optional <c>_error</c> column), groups the rows by profile_id, validates them (<see cref="ProfileAssembler"/>),
/// reports the rejected rows grouped by reason, and publishes the rest to <c>profiles</c>. The profile model reads X-ray
/// surface brightness from <c>xray_surface_brightness_relative</c>, in the relative units of its CAMELS-zoomGZ28
/// training profiles; <c>xray_surface_brightness</c> is absolute (erg s^-1 cm^-2 arcsec^-2) and is not read by it.
/// </summary>
public static class ProfilesCommand
{
    public static Command Create()
    {
        var path = new Argument<FileInfo>("path")
        {
            Description = "Profile table: .csv or .arrow, one row per radial bin (profile_id, survey, redshift, stacked_objects, " +
                "log10_halo_mass, radius_mpc_over_h, then kind columns such as gas_density_cm3, gas_temperature_kev, gas_metallicity_zsun, " +
                "compton_y, xray_surface_brightness_relative and their _error columns). The profile model reads X-ray surface brightness " +
                "from xray_surface_brightness_relative, in the relative units of its CAMELS-zoomGZ28 training profiles (convert a calibrated " +
                "profile first); xray_surface_brightness is absolute, erg s^-1 cm^-2 arcsec^-2, and the model does not read it.",
        };
        var bootstrap = CommonOptions.Bootstrap();
        var topic = CommonOptions.Topic(Topics.Profiles);
        var survey = new Option<string?>("--survey") { Description = "Survey name for rows whose survey column is empty." };
        var command = new Command("profiles", "Publish the stacked profiles of a CSV or Arrow file (one row per radial bin) to 'profiles'.") { path, bootstrap, topic, survey };
        command.SetAction(async (parse, token) =>
        {
            var kafka = CommandLineKafka.Resolve(parse.GetValue(bootstrap), "ingest");
            if (kafka is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(CommandLineKafka.NoBootstrapMessage);
                return ExitCodes.Usage;
            }

            var outcome = await RunAsync(parse.GetRequiredValue(path).FullName, kafka, parse.GetRequiredValue(topic), parse.GetValue(survey), parse.InvocationConfiguration.Output, token);
            if (outcome.Error is not null) await parse.InvocationConfiguration.Error.WriteLineAsync(outcome.Error);
            return outcome.ExitCode;
        });
        return command;
    }

    /// <summary>Reads, validates, reports and publishes; bad rows never throw.</summary>
    public static async Task<IngestOutcome> RunAsync(string path, KafkaOptions kafka, string topic, string? survey, TextWriter output, CancellationToken cancellationToken)
    {
        var (rows, parseRejections, error) = await InputTable.ReadAsync(path, ProfileTable.ReadAsync, cancellationToken);
        if (error is not null) return new IngestOutcome(ExitCodes.Usage, Error: error);

        var assembled = new ProfileAssembler().Assemble(rows, survey);
        var assembly = assembled with
        {
            Rejections = [.. parseRejections.Concat(assembled.Rejections).OrderBy(r => r.Row)],
            RowsRead = assembled.RowsRead + parseRejections.Count,
        };
        await RowReport.WriteAsync(output, path, (assembly.RowsRead, assembly.RowsAccepted, assembly.RowsRejected),
            $"{assembly.Profiles.Count} profiles", assembly.Rejections, "profile");
        if (assembly.Profiles.Count == 0)
        {
            return new IngestOutcome(ExitCodes.NothingPublished, Profiles: assembly, Error: "nothing to publish: every row was rejected");
        }

        var result = await Publishing.ProfilesAsync(kafka, assembly.Profiles, topic, output, cancellationToken);
        return new IngestOutcome(Publishing.ExitCodeOf(result), Publish: result, Profiles: assembly,
            Error: result.Acknowledged == 0 ? "nothing was published: every delivery failed" : null);
    }
}
