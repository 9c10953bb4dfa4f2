namespace TrainingEval.Dashboard.Features.Api;

/// <summary>
/// Everything under <c>/api</c> answers errors as problem documents (RFC 9457, <c>application/problem+json</c>), never
/// with the dashboard's HTML error or not-found pages: an exception that escapes an endpoint's own handling is a 500
/// problem (details only in the log), and a bare status code (an unknown route, a refused body size) gets a problem body.
/// </summary>
public static partial class ApiProblems
{
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = async http =>
                {
                    var error = http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error;
                    var status = error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
                    if (status >= 500)
                        LogFailed(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiProblems)), error, http.Request.Method, http.Request.Path);
                    await Write(http, status);
                },
            });
            api.UseStatusCodePages(context => context.HttpContext.Response.HasStarted ? Task.CompletedTask : Write(context.HttpContext, context.HttpContext.Response.StatusCode));
            // Inside the two above, so it sees the status an exception or a bare status code becomes.
            api.UseMiddleware<ApiCallAuditMiddleware>();
        });

    private static Task Write(HttpContext http, int status)
    {
        var (title, detail) = status switch
        {
            StatusCodes.Status404NotFound => ("Not found", "There is no such endpoint; the endpoints are listed at /openapi/v1.json."),
            StatusCodes.Status405MethodNotAllowed => ("Method not allowed", "The endpoint does not accept this method; see /openapi/v1.json."),
            StatusCodes.Status413PayloadTooLarge => ("Request too large", "The request body is larger than the endpoint accepts."),
            >= 500 => ("The request failed", "The server could not complete the request; nothing was written. The error is in the server's log."),
            _ => ("Bad request", "The request could not be read."),
        };
        return Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(http);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "API call {Method} {Path} failed")]
    private static partial void LogFailed(ILogger logger, Exception? exception, string method, PathString path);
}
