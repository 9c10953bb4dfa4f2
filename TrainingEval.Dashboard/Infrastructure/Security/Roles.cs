namespace TrainingEval.Dashboard.Infrastructure.Security;

/// <summary>The product's roles. Names are stored in the Identity tables and API keys; never rename one.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string HrAnalyst = "HrAnalyst";
    public const string Mentor = "Mentor";
    public const string Executive = "Executive";
    public const string Learner = "Learner";

    /// <summary>Runs the sessions and attendance of the cohorts they are a trainer of (<c>CohortTrainer</c>).</summary>
    public const string Trainer = "Trainer";

    public static readonly IReadOnlyList<string> All = [Admin, HrAnalyst, Mentor, Trainer, Executive, Learner];

    /// <summary>Roles that see every record (and may change weight profiles, import data, read the audit trail).</summary>
    public const string Staff = Admin + "," + HrAnalyst;

    /// <summary>Roles that read every cohort's aggregates and may open any learner's page.</summary>
    public const string Readers = Admin + "," + HrAnalyst + "," + Executive;

    /// <summary>Roles that open cohort and learner lists (a mentor's lists hold only their mentees).</summary>
    public const string ReadersAndMentors = Readers + "," + Mentor;

    /// <summary>Roles with a notification inbox and a mentor workspace (staff open any mentor's by employee number).</summary>
    public const string MentorsAndStaff = Mentor + "," + Staff;

    /// <summary>Roles that schedule sessions and take attendance (a trainer only in their own cohorts).</summary>
    public const string TrainersAndStaff = Trainer + "," + Staff;

    /// <summary>Roles that open cohort pages (a mentor's hold only their mentees, a trainer's only their cohorts).</summary>
    public const string CohortReaders = ReadersAndMentors + "," + Trainer;
}
