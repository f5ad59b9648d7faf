using System.CommandLine;
using StreamProcessor.Trainer;

// One subcommand per file; this file only wires them.
var root = new RootCommand(TrainerDefaults.Description);
root.Subcommands.Add(SimulateCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(StreamProcessor.Trainer.Profiles.ProfilesCommand.Create());

return await root.Parse(args).InvokeAsync();
