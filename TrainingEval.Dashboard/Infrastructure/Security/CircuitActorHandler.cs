using Microsoft.AspNetCore.Components.Server.Circuits;
using TrainingEval.Dashboard.Infrastructure.Persistence;

namespace TrainingEval.Dashboard.Infrastructure.Security;

/// <summary>
/// Makes the circuit's signed-in user the actor of whatever its events, navigations and JS calls save. Inside a
/// circuit there is no current request, so this is how the app-wide <see cref="CurrentActor"/> finds the circuit's
/// user; one instance per circuit (scoped), holding that circuit's <see cref="ICurrentUser"/>.
/// </summary>
public sealed class CircuitActorHandler(CurrentActor actor, ICurrentUser user) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            using (actor.SignedIn(user))
                await next(context);
        };
}
