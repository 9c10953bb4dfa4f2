namespace TrainingEval.Dashboard.Features.Exams;

public static class ExamsFeature
{
    /// <summary>Exams graded by the system (issue 17 item 2): a question bank per program.</summary>
    public static IServiceCollection AddExams(this IServiceCollection services)
    {
        services.AddScoped<QuestionBankService>();
        services.AddScoped<ExamPaperService>();
        services.AddScoped<ExamAttemptService>();
        return services;
    }
}
