using System.CommandLine;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.IngestCli;
using StreamProcessor.Ingestion.Profiles;

namespace StreamProcessor.Cli.Tests;

/// <summary>`ingest profiles`: bin rows grouped by profile id, each refused row reported with its reason, the rest published to profiles.</summary>
public sealed class IngestProfilesTests : IDisposable
{
    private const string Header = "profile_id,survey,redshift,stacked_objects,log10_halo_mass,radius_mpc_over_h,gas_density_cm3,gas_temperature_kev,gas_temperature_kev_error\n";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ingest-profiles-");

    [Fact]
    public async Task A_csv_with_good_and_bad_profiles_publishes_the_good_ones_and_reports_each_rejected_row_with_its_reason()
    {
        using var broker = new BrokerFixture();
        string path = Path.Combine(_folder.FullName, "profiles.csv");
        await File.WriteAllTextAsync(path, Header +
            "A,des,0.2,40,14.1,0.1,0.01,4.0,0.3\n" +      // row 1  A good
            "A,des,0.2,40,14.1,0.3,0.002,3.1,0.2\n" +     // row 2
            "B,des,0.3,25,,0.1,-0.004,3.0,\n" +           // row 3  B negative density
            "B,des,0.3,25,,0.3,0.001,2.5,\n" +            // row 4  ... refused with it
            "C,des,0.3,25,,0.1,0.004,NaN,\n" +            // row 5  C NaN temperature
            "D,des,0.3,25,13.9,0.3,0.004,3.0,\n" +        // row 6  D radii do not increase
            "D,des,0.3,25,13.9,0.1,0.001,2.5,\n" +        // row 7
            "E,des,0.3,25,13.9,0.1,0.004,3.0,\n" +        // row 8  E mixed metadata
            "E,des,0.4,25,13.9,0.3,0.001,2.5,\n" +        // row 9
            "F,,0.25,12,,0.1,0.02,5.0,\n" +               // row 10 F good, survey from --survey
            "F,,0.25,12,,0.2,0.008,4.2,\n");              // row 11

        var output = new StringWriter();
        var outcome = await ProfilesCommand.RunAsync(path, broker.Kafka, Topics.Profiles, "fallback", output, CancellationToken.None);

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        var assembly = outcome.Profiles!;
        Assert.Equal((11L, 4L, 7L), (assembly.RowsRead, assembly.RowsAccepted, assembly.RowsRejected));
        var reasons = assembly.Rejections.ToDictionary(r => r.Row, r => r.Reason);
        Assert.StartsWith("out-of-range gas_density_cm3: -0.004 cm^-3 is outside [0,", reasons[3]);
        Assert.StartsWith($"{ProfileAssembler.RejectedProfile}: 1 of the profile's 2 rows were refused (first: row 3)", reasons[4]);
        Assert.StartsWith("non-finite gas_temperature_kev:", reasons[5]);
        Assert.StartsWith($"{ProfileAssembler.NonIncreasingRadii} radius_mpc_over_h: row 7's radius 0.1", reasons[6]);
        Assert.Equal(reasons[6], reasons[7]);
        Assert.StartsWith($"{ProfileAssembler.InconsistentProfile} redshift: rows of the profile disagree (0.3 on row 8, 0.4 on row 9)", reasons[8]);
        Assert.Equal(["A", "F"], assembly.Profiles.Select(p => p.ProfileId));
        var a = assembly.Profiles[0];
        Assert.Equal([0.1, 0.3], a.RadiiMpcOverH);
        Assert.Equal([0.01, 0.002], a.GasDensityCm3!);
        Assert.Equal([4.0, 3.1], a.GasTemperatureKev!);
        Assert.Equal([0.3, 0.2], a.GasTemperatureKevError!);
        Assert.Equal(14.1, a.Log10HaloMass);
        Assert.Null(assembly.Profiles[1].GasTemperatureKevError);
        Assert.Equal(("fallback", (double?)null), (assembly.Profiles[1].Survey, assembly.Profiles[1].Log10HaloMass));

        string report = output.ToString();
        Assert.Contains("profiles.csv: 11 rows, 4 accepted, 7 rejected; 2 profiles", report);
        Assert.Contains("row 3 (profile B): out-of-range gas_density_cm3", report);
        Assert.Contains("published: 2 of 2 profiles acknowledged, 0 failed", report);

        var published = broker.Read(Topics.Profiles, new StackedProfileCodec());
        Assert.Equal(["A", "F"], published.Select(p => p.Message.ProfileId).Order());
        Assert.Equal("stacked-profile", Encoding.UTF8.GetString(published[0].Headers.GetLastBytes(MessageHeaders.SchemaName)));
        Assert.Equal("1.1", Encoding.UTF8.GetString(published[0].Headers.GetLastBytes(MessageHeaders.SchemaVersion)));
    }

    [Fact]
    public async Task An_unknown_column_a_bin_missing_a_kind_and_an_unparseable_cell_are_refused_with_their_reasons()
    {
        using var broker = new BrokerFixture();
        string path = Path.Combine(_folder.FullName, "odd.csv");
        await File.WriteAllTextAsync(path, "profile_id,survey,redshift,stacked_objects,radius_mpc_over_h,gas_density_cm3,entropy_kev_cm2\n" +
            "G,des,0.2,40,0.1,0.01,\n" +             // row 1 G good
            "G,des,0.2,40,0.3,0.002,\n" +            // row 2
            "H,des,0.2,40,0.1,0.01,150\n" +          // row 3 H a value in a column no schema knows
            "I,des,0.2,40,0.1,0.01,\n" +             // row 4 I density on one bin only
            "I,des,0.2,40,0.3,,\n" +                 // row 5
            "J,des,0.2,forty,0.1,0.01,\n");          // row 6 unparseable

        var outcome = await ProfilesCommand.RunAsync(path, broker.Kafka, Topics.Profiles, null, new StringWriter(), CancellationToken.None);

        var reasons = outcome.Profiles!.Rejections.ToDictionary(r => r.Row, r => r.Reason);
        Assert.StartsWith($"{ProfileAssembler.UnknownColumn} entropy_kev_cm2: not a stack column or a profile kind of schema stacked-profile/1.1", reasons[3]);
        Assert.StartsWith($"{ProfileAssembler.IncompleteKind} gas_density_cm3: empty on row 5 of the profile's 2", reasons[4]);
        Assert.Equal("unparseable stacked_objects: 'forty' is not a number", reasons[6]);
        Assert.Equal(["G"], outcome.Profiles.Profiles.Select(p => p.ProfileId));
    }

    [Fact]
    public async Task An_arrow_file_of_bin_rows_publishes_its_profiles()
    {
        using var broker = new BrokerFixture();
        string path = Path.Combine(_folder.FullName, "profiles.arrow");
        using (var batch = new RecordBatch.Builder()
            .Append("profile_id", false, c => c.String(a => a.Append("K").Append("K").Append("K")))
            .Append("survey", false, c => c.String(a => a.Append("act").Append("act").Append("act")))
            .Append("redshift", false, c => c.Double(a => a.Append(0.4).Append(0.4).Append(0.4)))
            .Append("stacked_objects", false, c => c.Int32(a => a.Append(64).Append(64).Append(64)))
            .Append("log10_halo_mass", false, c => c.Double(a => a.Append(14.5).Append(14.5).Append(14.5)))
            .Append("radius_mpc_over_h", false, c => c.Double(a => a.Append(0.05).Append(0.2).Append(0.8)))
            .Append("compton_y", false, c => c.Double(a => a.Append(4e-5).Append(1e-5).Append(1e-6)))
            .Build())
        {
            await using var file = File.Create(path);
            using var writer = new ArrowFileWriter(file, batch.Schema);
            await writer.WriteRecordBatchAsync(batch);
            await writer.WriteEndAsync();
        }

        var outcome = await ProfilesCommand.RunAsync(path, broker.Kafka, Topics.Profiles, null, new StringWriter(), CancellationToken.None);

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        var profile = Assert.Single(broker.Read(Topics.Profiles, new StackedProfileCodec())).Message;
        Assert.Equal(("K", 64, 14.5), (profile.ProfileId, profile.StackedObjects, profile.Log10HaloMass!.Value));
        Assert.Equal([4e-5, 1e-5, 1e-6], profile.ComptonY!);
    }

    [Fact]
    public async Task A_csv_xray_profile_in_the_models_relative_units_is_published_in_the_relative_column_and_a_negative_one_is_refused()
    {
        using var broker = new BrokerFixture();
        string path = Path.Combine(_folder.FullName, "xray.csv");
        await File.WriteAllTextAsync(path, "profile_id,survey,redshift,stacked_objects,radius_mpc_over_h,xray_surface_brightness_relative,xray_surface_brightness_relative_error,xray_surface_brightness\n" +
            "L,erass,0.2,40,0.1,5.2e-4,5e-5,3e-14\n" +    // row 1 L good: both units, each in its own column
            "L,erass,0.2,40,0.3,2.2e-4,2e-5,1.2e-14\n" +  // row 2
            "M,erass,0.2,40,0.1,-5.2e-4,,\n" +            // row 3 M negative relative brightness
            "M,erass,0.2,40,0.3,2.2e-4,,\n");             // row 4

        var outcome = await ProfilesCommand.RunAsync(path, broker.Kafka, Topics.Profiles, null, new StringWriter(), CancellationToken.None);

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        Assert.StartsWith("out-of-range xray_surface_brightness_relative: -0.00052 relative (CAMELS-zoomGZ28 soft-band X-ray SB units; Lee et al. 2024) is outside [0,",
            outcome.Profiles!.Rejections.Single(r => r.Row == 3).Reason);
        var profile = Assert.Single(broker.Read(Topics.Profiles, new StackedProfileCodec())).Message;
        Assert.Equal("L", profile.ProfileId);
        Assert.Equal([5.2e-4, 2.2e-4], profile.XraySurfaceBrightnessRelative!);
        Assert.Equal([5e-5, 2e-5], profile.XraySurfaceBrightnessRelativeError!);
        Assert.Equal([3e-14, 1.2e-14], profile.XraySurfaceBrightness!);
    }

    [Fact]
    public async Task The_help_of_ingest_profiles_says_which_xray_column_the_model_reads_and_in_which_units()
    {
        var output = new StringWriter();

        await IngestCommands.CreateRoot().Parse(["profiles", "--help"]).InvokeAsync(new InvocationConfiguration { Output = output, Error = new StringWriter() });

        string help = string.Join(' ', output.ToString().Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("xray_surface_brightness_relative", help);
        Assert.Contains("relative units of its CAMELS-zoomGZ28 training profiles", help);
        Assert.Contains("xray_surface_brightness is absolute, erg s^-1 cm^-2 arcsec^-2", help);
    }

    [Fact]
    public async Task Ingest_profiles_is_a_subcommand_that_needs_a_broker()
    {
        string path = Path.Combine(_folder.FullName, "any.csv");
        await File.WriteAllTextAsync(path, Header);
        var error = new StringWriter();

        int exitCode = await IngestCommands.CreateRoot().Parse(["profiles", path]).InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), Error = error });

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--bootstrap host:port", error.ToString());
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
