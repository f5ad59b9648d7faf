using System.Collections;
using Confluent.Kafka;
using StreamProcessor.Kafka;

namespace StreamProcessor.Ingestion.Connection;

/// <summary>
/// Kafka settings of the command-line tools: <c>--bootstrap host:port</c>, else the environment variable
/// <c>Kafka__BootstrapServers</c> (docker-compose sets it), plus the same <c>Kafka__*</c> security passthrough the
/// services read (README "Pointing at a real cluster"). The tools never start a broker themselves.
/// </summary>
public static class CommandLineKafka
{
    public const string Prefix = "Kafka__";

    /// <summary>What a tool prints when no broker was given.</summary>
    public const string NoBootstrapMessage =
        "no Kafka broker given: pass --bootstrap host:port (or set Kafka__BootstrapServers). " +
        "For a local broker run `dotnet run --project services/broker`; it prints its address.";

    /// <summary>Options for <paramref name="clientId"/>, or null when neither the option nor the environment names a broker.</summary>
    /// <param name="bootstrap">The --bootstrap value (wins over the environment).</param>
    /// <param name="clientId">Client id prefix, e.g. "ingest".</param>
    /// <param name="environment">Environment variables; null reads the process environment.</param>
    public static KafkaOptions? Resolve(string? bootstrap, string clientId, IDictionary? environment = null)
    {
        var variables = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in environment ?? Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && entry.Value is string value)
            {
                variables[key[Prefix.Length..]] = value;
            }
        }

        string? servers = !string.IsNullOrWhiteSpace(bootstrap) ? bootstrap.Trim() : variables.GetValueOrDefault("BootstrapServers");
        if (string.IsNullOrWhiteSpace(servers)) return null;

        const string settingsPrefix = "Settings__";
        var settings = variables
            .Where(v => v.Key.StartsWith(settingsPrefix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(v => v.Key[settingsPrefix.Length..], v => v.Value);
        return new KafkaOptions
        {
            BootstrapServers = servers,
            ClientId = clientId,
            SecurityProtocol = Enum<SecurityProtocol>(variables, "SecurityProtocol") ?? SecurityProtocol.Plaintext,
            SaslMechanism = Enum<SaslMechanism>(variables, "SaslMechanism"),
            SaslUsername = variables.GetValueOrDefault("SaslUsername"),
            SaslPassword = variables.GetValueOrDefault("SaslPassword"),
            SslCaLocation = variables.GetValueOrDefault("SslCaLocation"),
            SslCertificateLocation = variables.GetValueOrDefault("SslCertificateLocation"),
            SslKeyLocation = variables.GetValueOrDefault("SslKeyLocation"),
            Settings = settings,
        };
    }

    private static T? Enum<T>(Dictionary<string, string> variables, string name)
        where T : struct, System.Enum
    {
        if (!variables.TryGetValue(name, out var text) || string.IsNullOrWhiteSpace(text)) return null;
        return System.Enum.TryParse<T>(text, ignoreCase: true, out var value)
            ? value
            : throw new ArgumentException($"{Prefix}{name}='{text}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}");
    }
}
