namespace StreamProcessor.Trainer.Evaluation;

/// <summary>One target of the issue (on the contaminated test set, 1e14-1e15 h⁻¹ M☉), the measured value and whether it is met.</summary>
public sealed record TargetCheck(string Target, double Measured, bool Met);
