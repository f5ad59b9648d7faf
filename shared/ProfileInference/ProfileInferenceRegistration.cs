using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Hosting;
using StreamProcessor.Hosting.Worker;

namespace StreamProcessor.ProfileInference;

public static class ProfileInferenceRegistration
{
    /// <summary>The profile model (loaded and checked against its card and layout once) and the profiles → posteriors.params worker.</summary>
    public static WebApplicationBuilder AddProfileInference(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ProfileInferenceOptions>(ProfileInferenceOptions.Section);
        builder.Services.AddSingleton<TorchProfileModel>();
        builder.Services.AddSingleton<IProfileModel>(sp => sp.GetRequiredService<TorchProfileModel>());
        return builder.AddStreamWorker<StackedProfile, Posterior, InferParametersStep>(
            new StreamWorkerDefinition(InferParametersStep.ServiceName, Topics.Profiles, Topics.ParameterPosteriors));
    }
}
