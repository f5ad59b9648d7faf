using System.CommandLine;
using StreamProcessor.Trainer;

// One subcommand per file; this file only wires them.
var root = new RootCommand(TrainerDefaults.Description);
root.Subcommands.Add(SimulateCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(ApertureCommand.Create());
root.Subcommands.Add(BaselinesCommand.Create());
root.Subcommands.Add(StreamProcessor.Trainer.Profiles.ProfilesCommand.Create());
root.Subcommands.Add(StreamProcessor.Trainer.Maps.MapsCommand.Create());
root.Subcommands.Add(StreamProcessor.Trainer.Posterior.PosteriorCommand.Create());

return await root.Parse(args).InvokeAsync();
