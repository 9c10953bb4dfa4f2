namespace TrainingEval.Dashboard.Features.Surveys;

public static class SurveysFeature
{
    /// <summary>Surveys (问卷): HR builds them on the cohort's manage page, learners answer them on 我的学习.</summary>
    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddScoped<SurveyService>();
        return services;
    }
}
