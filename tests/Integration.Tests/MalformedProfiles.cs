using Apache.Arrow;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;

namespace StreamProcessor.Integration.Tests;

/// <summary>
/// Bad stacked-profile messages, built from a good profile by bypassing the codec's validation, each with the
/// dead-letter reason the profile-inference worker must give it.
/// </summary>
internal static class MalformedProfiles
{
    public static readonly (string Kind, string Reason)[] Kinds =
    [
        ("wrong-bin-count", "malformed"),
        ("negative-density", "out-of-range"),
        ("nan-temperature", "non-finite"),
        ("unknown-kind-only", "missing-field"),
        ("no-kind", "missing-field"),
    ];

    public static byte[] Make(string kind, StackedProfile good)
    {
        var codec = new StackedProfileCodec();
        switch (kind)
        {
            case "wrong-bin-count":
                return Raw(codec, good with { GasDensityCm3 = good.GasDensityCm3!.Skip(1).ToList() });
            case "negative-density":
                return Raw(codec, good with { GasDensityCm3 = good.GasDensityCm3!.Select((n, i) => i == 2 ? -n : n).ToList() });
            case "nan-temperature":
                return Raw(codec, good with { GasTemperatureKev = good.GasTemperatureKev!.Select((t, i) => i == 1 ? double.NaN : t).ToList() });
            case "unknown-kind-only":
                // The survey's only profile is one no version of the schema knows (an entropy profile, say).
                using (var batch = codec.ToRecordBatch(WithoutKinds(good) with { GasDensityCm3 = good.GasDensityCm3 }))
                {
                    var fields = batch.Schema.FieldsList.Select(f => f.Name == "gas_density_cm3" ? new Field("entropy_kev_cm2", f.DataType, true) : f);
                    return UncheckedArrow.Write(new RecordBatch(new Schema(fields, batch.Schema.Metadata), batch.Arrays, batch.Length));
                }

            case "no-kind":
                return Raw(codec, WithoutKinds(good));
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private static StackedProfile WithoutKinds(StackedProfile profile) =>
        StackedProfileKinds.All.Aggregate(profile, (p, k) => k.With(p, null, null));

    private static byte[] Raw(StackedProfileCodec codec, StackedProfile message)
    {
        using var batch = codec.ToRecordBatch(message);
        return UncheckedArrow.Write(batch);
    }
}
