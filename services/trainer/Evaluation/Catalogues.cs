namespace StreamProcessor.Trainer.Evaluation;

/// <summary>Catalogue labels: members only, or members plus interlopers.</summary>
public static class Catalogues
{
    public const string Pure = "pure";
    public const string Contaminated = "contaminated";
}
