using System.Reflection;

namespace StreamProcessor.Hosting;

/// <summary>The version stamped on every output record, so a consumer knows which code made it.</summary>
public static class CodeVersion
{
    public static string Current { get; } =
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(CodeVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
