using StreamProcessor.Contracts.Messages;

namespace StreamProcessor.Ingestion.Demo;

/// <summary>One demo object: its true CGM targets (CgmTargets order) and its maps; <see cref="Hi"/> is null for a lone X-ray object.</summary>
public sealed record DemoMapObject(string ObjectId, double[] TrueValues, SkyMap Xray, SkyMap? Hi)
{
    public bool LoneXray => Hi is null;
}

/// <summary>A malformed map as raw bytes (the codec would refuse to encode it) and the dlq-reason it should get.</summary>
public sealed record DemoMalformedMap(string Key, byte[] Payload, string Defect);

/// <summary>The demo objects and the malformed maps.</summary>
public sealed record DemoMapSet(IReadOnlyList<DemoMapObject> Objects, IReadOnlyList<DemoMalformedMap> Malformed)
{
    /// <summary>Every good map in publish order: each object's X-ray map, then its HI map when it has one.</summary>
    public IReadOnlyList<SkyMap> Maps => [.. Objects.SelectMany(o => o.Hi is null ? (SkyMap[])[o.Xray] : [o.Xray, o.Hi])];

    /// <summary>True CGM targets by object id.</summary>
    public IReadOnlyDictionary<string, double[]> TrueValues => Objects.ToDictionary(o => o.ObjectId, o => o.TrueValues);
}
