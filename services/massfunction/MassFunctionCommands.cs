using System.CommandLine;

namespace StreamProcessor.MassFunctionService;

/// <summary>The command line: the service by default, <c>check</c> as a subcommand.</summary>
internal static class MassFunctionCommands
{
    private const string Description =
        "massfunction: posteriors.mass -> massfunction, the live cluster mass function and (Omega_m, sigma8) posterior per survey and redshift bin. " +
        "Without a subcommand it runs the service; host switches pass through (--bootstrap host:port, --group id, --metrics-url url, --MassFunction:UpdateInterval=00:00:05).";

    /// <summary>
    /// No process-termination handling by System.CommandLine: the generic host handles SIGTERM/Ctrl+C itself and needs
    /// longer than the parser's default 2 s to flush and close the consumer.
    /// </summary>
    public static InvocationConfiguration Invocation { get; } = new() { ProcessTerminationTimeout = null };

    public static RootCommand Root(string[] args)
    {
        // Host switches are not declared here: they are configuration keys, read by the host from the raw arguments.
        var root = new RootCommand(Description) { TreatUnmatchedTokensAsErrors = false };
        root.Subcommands.Add(CheckCommand.Create());
        root.SetAction((_, token) => ServiceHost.RunAsync(args, token));
        return root;
    }
}
