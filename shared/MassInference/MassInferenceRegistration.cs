using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Hosting;
using StreamProcessor.Hosting.Worker;

namespace StreamProcessor.MassInference;

public static class MassInferenceRegistration
{
    /// <summary>The model (loaded and card-checked once), its baselines and the features → posteriors worker.</summary>
    public static WebApplicationBuilder AddMassInference(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<MassInferenceOptions>(MassInferenceOptions.Section);
        builder.Services.AddSingleton<TorchMassModel>();
        builder.Services.AddSingleton<IMassModel>(sp => sp.GetRequiredService<TorchMassModel>());
        builder.Services.AddSingleton(sp => ModelBaselines.Load(sp.GetRequiredService<TorchMassModel>().Folder));
        return builder.AddStreamWorker<PhaseSpaceFeatures, Posterior, InferMassStep>(
            new StreamWorkerDefinition(InferMassStep.ServiceName, Topics.PhaseSpaceFeatures, Topics.MassPosteriors));
    }
}
