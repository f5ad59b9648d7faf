using System.CommandLine;
using StreamProcessor.Bench;

// Each benchmark is one subcommand in its own file; this file only wires them.
var root = new RootCommand(BenchCommands.Description);
root.Subcommands.Add(KdeBenchCommand.Create());
root.Subcommands.Add(StreamBenchCommand.Create());
root.Subcommands.Add(MassFunctionBenchCommand.Create());
root.Subcommands.Add(CodecBenchCommand.Create());
root.Subcommands.Add(ProfileBenchCommand.Create());
root.Subcommands.Add(MapBenchCommand.Create());

return await root.Parse(args).InvokeAsync();
