using System.CommandLine;

namespace StreamProcessor.Trainer.Profiles;

/// <summary><c>trainer profiles emulate | forecast | calibrate-emulator | train | evaluate</c>: the stacked-profile branch (28 CAMELS-TNG parameters).</summary>
internal static class ProfilesCommand
{
    internal static Command Create() => new("profiles", "Stacked profiles -> 28 cosmological and astrophysical parameters: emulator, network, evaluation.")
    {
        EmulateCommand.Create(),
        ForecastCommand.Create(),
        CalibrateEmulatorCommand.Create(),
        ProfileTrainCommand.Create(),
        ProfileEvaluateCommand.Create(),
    };
}
