using System.CommandLine;
using StreamProcessor.Bench;

// Each benchmark is one subcommand in its own file; this file only wires them.
var root = new RootCommand(BenchCommands.Description);
root.Subcommands.Add(KdeBenchCommand.Create());

return root.Parse(args).Invoke();
