namespace TrainingEval.Dashboard.Features.Api;

/// <summary>
/// Writes down every <c>/api</c> call with the status its client got (issue 19 item 9): not only the calls an endpoint
/// ran, but a body the framework could not bind, an unknown path, a refused size, an exception that escaped everything —
/// which an endpoint filter never sees. Calls already written (the 401 and 403 of <see cref="ApiKeyAuthenticationHandler"/>)
/// are left alone; 429s are not written, so a flood that the rate limiter refuses stays a flood of nothing.
/// </summary>
public sealed class ApiCallAuditMiddleware(RequestDelegate next, ApiAudit audit)
{
    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        try
        {
            await next(http);
        }
        catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested)
        {
            // The exception handler outside answers the problem document; the trail gets the status it will send.
            await AuditAsync(http, ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
            throw;
        }
        await AuditAsync(http, http.Response.StatusCode);
    }

    private Task AuditAsync(HttpContext http, int status)
    {
        if (ApiAudit.IsAudited(http) || status == StatusCodes.Status429TooManyRequests)
            return Task.CompletedTask;
        var actor = http.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : ApiAudit.Anonymous;
        return audit.WriteAsync(http, actor, status);
    }
}
