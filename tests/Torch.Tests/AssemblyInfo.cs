// libtorch's seed, intra-op thread count and deterministic mode are process-wide: a test that trains sets them
// (TrainingEnvironment) and another test's network drawn or stepped meanwhile would see them change under it
// (measured: NaN gradients in GuardedStepTests while MomentMlpTests trained alongside). The suite takes ~6 s serially.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
