using TrainingEval.Dashboard.Analytics;
using TrainingEval.Dashboard.Security;

namespace TrainingEval.Dashboard.Reports;

/// <summary>The learner growth report (学习成长报告): the learner page's data, for whoever may read that learner.</summary>
public sealed class LearnerGrowthQueries(LearnerQueries learners, IRecordAccess access)
{
    public async Task<LearnerVerticalView?> LoadAsync(string employeeNumber, CancellationToken cancellationToken = default)
    {
        var view = await learners.GetVerticalViewAsync(employeeNumber, cancellationToken);
        if (view is not null)
            await access.EnsureCanReadLearnerAsync(view.Learner.Id, cancellationToken);
        return view;
    }
}
