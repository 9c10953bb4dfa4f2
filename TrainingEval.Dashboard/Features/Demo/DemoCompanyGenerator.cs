using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;

namespace TrainingEval.Dashboard.Features.Demo;

/// <summary>
/// Generates the demo company (演示数据): a manufacturer with departments, mentors, employees and eight
/// programs with about three years of cohorts and their weekly records. Deterministic for a given
/// <see cref="DemoCompanySpec"/>. The numbers are driven by a few hidden traits so they hang together:
/// each learner has an ability and an engagement; each run of a program has a quality that trends up
/// for one program and down for another; engagement drives attendance, interaction and punctuality,
/// ability drives test scores, and transfer (engagement, ability, quality) drives mentor ratings,
/// on-the-job application, the behaviour rating of the next review and KPI movement. About one
/// enrollment in eight dips for two weeks mid-course; level 3–4 data appear only once enough time has
/// passed since a cohort ended, so recent cohorts are visibly partial.
/// </summary>
public static class DemoCompanyGenerator
{
    /// <summary>Days after a cohort ends at which its KPIs are measured.</summary>
    public const int KpiMeasurementDelayDays = 90;

    /// <summary>Days after a cohort ends at which it is closed (its profile version recorded).</summary>
    public const int CloseDelayDays = 120;

    public const string ProfileAuthor = "demo";

    public static DemoCompany Generate(DemoCompanySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Employees < 50 || spec.Mentors < DemoCatalog.Departments.Length || spec.Programs is < 1 or > 8 || spec.CohortSizeFactor <= 0
            || spec.CohortSizeOverride is < 1 || spec.MaxCohortsPerProgram is < 2)
            throw new ArgumentOutOfRangeException(nameof(spec), spec, "The demo needs at least 50 employees, one mentor per department, 1–8 programs, a positive cohort size and at least 2 cohorts per program.");
        return new Run(spec).Generate();
    }

    private sealed class Traits
    {
        public double Ability;
        public double Engagement;
    }

    private sealed class EnrollmentPlan
    {
        public required Enrollment Enrollment;
        public required Learner Learner;
        public double Engagement;
        public double Ability;
        public double Transfer;
        public int? DipWeek;
        public int? WithdrawWeek;
    }

    private sealed class Run(DemoCompanySpec spec)
    {
        private readonly DemoRandom _rnd = new(spec.Seed);
        private readonly DemoCompany _company = new() { Spec = spec };
        private readonly Dictionary<Learner, Traits> _traits = [];
        private readonly Dictionary<Learner, List<(DateOnly End, double Boost)>> _boosts = [];
        private readonly DateOnly _today = spec.Today;
        private readonly DateTime _now = spec.Today.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc);
        private DateOnly _historyStart;

        public DemoCompany Generate()
        {
            _historyStart = _today.AddYears(-3).AddDays(-60);
            CreateOrganisation();
            foreach (var program in DemoCatalog.Programs.Take(spec.Programs))
                CreateProgram(program);
            CreatePerformanceReviews();
            return _company;
        }

        private void CreateOrganisation()
        {
            foreach (var d in DemoCatalog.Departments)
                _company.Departments.Add(new Department { Code = d.Code, Name = d.Name.Zh, NameEn = d.Name.En });

            var shares = DemoCatalog.Departments.Select(d => d.Share).ToArray();
            for (var i = 0; i < spec.Mentors; i++)
            {
                // Every department gets a mentor before the rest are spread by size.
                var dept = i < DemoCatalog.Departments.Length ? i : _rnd.Weighted(shares);
                var (zh, en) = PersonName();
                var title = _rnd.Pick(DemoCatalog.MentorTitles);
                _company.Mentors.Add(new Mentor
                {
                    EmployeeNumber = $"E{190001 + i}",
                    Name = zh,
                    NameEn = en,
                    Department = _company.Departments[dept],
                    Title = title.Zh,
                    TitleEn = title.En,
                });
            }

            var mentorsByDept = _company.Departments.Select(d => _company.Mentors.Where(m => m.Department == d).ToList()).ToList();
            for (var i = 0; i < spec.Employees; i++)
            {
                var dept = _rnd.Weighted(shares);
                var positions = DemoCatalog.Departments[dept].Positions;
                var position = positions[_rnd.Weighted(positions.Select((_, k) => k == 0 ? 7.0 : 3.0 / k).ToArray())];
                var (zh, en) = PersonName();
                // A third of the workforce joined during the three years of history (new-employee cohorts need them).
                var hired = _rnd.Chance(0.3)
                    ? _today.AddDays(-_rnd.Int(20, 3 * 365 + 60))
                    : _today.AddDays(-_rnd.Int(3 * 365 + 60, 15 * 365));
                var learner = new Learner
                {
                    EmployeeNumber = $"E{100001 + i}",
                    Name = zh,
                    NameEn = en,
                    Department = _company.Departments[dept],
                    Position = position.Zh,
                    PositionEn = position.En,
                    Mentor = _rnd.Pick(mentorsByDept[dept]),
                    HireDate = hired,
                };
                _company.Learners.Add(learner);
                _traits[learner] = new Traits { Ability = _rnd.Normal(), Engagement = _rnd.Normal() };
                _boosts[learner] = [];
            }
        }

        private (string Zh, string En) PersonName()
        {
            var surname = _rnd.Pick(DemoCatalog.Surnames);
            var first = _rnd.Pick(DemoCatalog.GivenSyllables);
            if (_rnd.Chance(0.35))
                return (surname.Zh + first.Zh, $"{Capitalize(first.En)} {surname.En}");
            var second = _rnd.Pick(DemoCatalog.GivenSyllables);
            return (surname.Zh + first.Zh + second.Zh, $"{Capitalize(first.En)}{second.En} {surname.En}");
        }

        private static string Capitalize(string s) => char.ToUpperInvariant(s[0]) + s[1..];

        private void CreateProgram(DemoProgram def)
        {
            var program = new TrainingProgram
            {
                Code = def.Code,
                Name = def.Name.Zh,
                NameEn = def.Name.En,
                Description = def.Description.Zh,
                DescriptionEn = def.Description.En,
            };
            _company.Programs.Add(program);
            var versions = CreateProfileVersions(program, def);
            program.CurrentProfileVersion = versions[^1].Version;

            var kpis = def.Kpis.Select(k => new Kpi
            {
                Program = program,
                Code = k.Code,
                Name = k.Name.Zh,
                NameEn = k.Name.En,
                Unit = k.Unit.Zh,
                UnitEn = k.Unit.En,
                Direction = k.Direction,
                ValuePerUnit = k.ValuePerUnit,
            }).ToList();
            _company.Kpis.AddRange(kpis);

            // The newest run ends LastEndOffsetDays from today; the first starts about three years ago.
            var lastEnd = _today.AddDays(def.LastEndOffsetDays);
            var lastStart = Monday(lastEnd.AddDays(-(7 * def.Weeks - 3)));
            var firstStart = Monday(_historyStart.AddDays(60 + _rnd.Int(0, 60)));
            var spacing = (lastStart.DayNumber - firstStart.DayNumber) / (double)(def.CohortCount - 1);
            var used = new HashSet<Learner>();
            var runs = Enumerable.Range(0, def.CohortCount).ToList();
            if (spec.MaxCohortsPerProgram is { } max && max < runs.Count)
                runs = [.. runs.Take(max - 1), def.CohortCount - 1];
            foreach (var run in runs)
            {
                var start = run == def.CohortCount - 1 ? lastStart : Monday(firstStart.AddDays((int)Math.Round(spacing * run)));
                CreateCohort(program, def, kpis, versions, run, start, used);
            }
        }

        private List<WeightProfileVersion> CreateProfileVersions(TrainingProgram program, DemoProgram def)
        {
            var created = _historyStart.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
            var versions = new List<WeightProfileVersion>
            {
                WeightProfile.Default.ToVersion(1, ProfileAuthor, created, "默认评估方案 / Default evaluation profile"),
            };
            if (def.Code == "LEAN-TL")
            {
                // The program owner moved weight to behaviour transfer halfway through the history.
                var changed = WeightProfile.Default with { Version = 2, LevelWeights = new LevelWeights(10, 25, 40, 25) };
                versions.Add(changed.ToVersion(2, ProfileAuthor, created.AddDays(540), "加大行为转化权重 / More weight on behaviour transfer"));
            }
            else if (def.Code == "SAFE-OPS")
            {
                // A custom indicator fed by stored observations imported from the EHS audit system.
                var indicators = BuiltInIndicators.All
                    .Select(i => i.Code switch
                    {
                        BuiltInIndicators.Kpi => i with { Weight = 40 },
                        BuiltInIndicators.Performance => i with { Weight = 30 },
                        _ => i,
                    })
                    .Append(new IndicatorDefinition { Code = DemoIndicators.SafetyAudit, Level = KirkpatrickLevel.Results, Normalization = Normalization.Percent, Weight = 30, IsCustom = true })
                    .ToList();
                var changed = WeightProfile.Default with { Version = 2, Indicators = indicators };
                versions.Add(changed.ToVersion(2, ProfileAuthor, created.AddDays(400), "新增安全审核得分 / Added the safety audit score"));
            }
            foreach (var v in versions)
                v.Program = program;
            _company.ProfileVersions.AddRange(versions);
            return versions;
        }

        private static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

        private void CreateCohort(TrainingProgram program, DemoProgram def, List<Kpi> kpis, List<WeightProfileVersion> versions, int run, DateOnly start, HashSet<Learner> used)
        {
            var weeks = def.Weeks;
            var end = start.AddDays(7 * weeks - 3);
            var quality = def.BaseQuality + def.QualityTrend * run + _rnd.Normal(0, 1.5);
            var cohort = new Cohort
            {
                Program = program,
                Code = $"{def.Code}-{start:yyyyMM}",
                Name = $"{def.Name.Zh} 第{run + 1}期",
                NameEn = $"{def.Name.En} — run {run + 1}",
                StartDate = start,
                EndDate = end,
            };
            var closeOn = end.AddDays(CloseDelayDays);
            if (closeOn <= _today)
            {
                cohort.ClosedAt = closeOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
                cohort.ProfileVersion = versions.Last(v => v.CreatedAt <= cohort.ClosedAt);
            }
            _company.Cohorts.Add(cohort);

            // Plan: one session a week (all planned, held or not), homework each week but the last, a quiz each
            // week but the first and last, pre-test in week 1, final exam on the last day, a pulse survey mid-way.
            var weekday = _rnd.Int(1, 4);
            var sessions = new List<CohortSession>();
            for (var k = 1; k <= weeks; k++)
            {
                var topic = def.Topics[(k - 1) % def.Topics.Length];
                var session = new CohortSession
                {
                    Cohort = cohort,
                    Sequence = k,
                    HeldOn = k == weeks ? end : start.AddDays(7 * (k - 1) + weekday),
                    Name = topic.Zh,
                    NameEn = topic.En,
                    DurationMinutes = def.Code == "SAFE-OPS" ? 120 : 180,
                };
                sessions.Add(session);
            }
            _company.Sessions.AddRange(sessions);

            var assignments = sessions.Take(weeks - 1).Select(s => new Assignment
            {
                Cohort = cohort,
                Name = $"作业：{s.Name}",
                NameEn = $"Homework: {s.NameEn}",
                AssignedOn = s.HeldOn,
                DueAt = s.HeldOn.AddDays(6).ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc),
                MaxScore = 100,
            }).ToList();
            _company.Assignments.AddRange(assignments);

            var preTest = new Assessment { Cohort = cohort, Kind = AssessmentKind.PreTest, Name = "训前测试", NameEn = "Pre-test", HeldOn = sessions[0].HeldOn, MaxScore = 100, Difficulty = AssessmentDifficulty.Basic };
            var quizzes = sessions.Skip(1).Take(weeks - 2).Select(s => new Assessment
            {
                Cohort = cohort,
                Kind = AssessmentKind.Quiz,
                Name = $"随堂测验：{s.Name}",
                NameEn = $"Quiz: {s.NameEn}",
                HeldOn = s.HeldOn,
                MaxScore = 20,
                Difficulty = AssessmentDifficulty.Intermediate,
            }).ToList();
            var finalExam = new Assessment
            {
                Cohort = cohort,
                Kind = AssessmentKind.FinalExam,
                Name = "结业考试",
                NameEn = "Final exam",
                HeldOn = end,
                MaxScore = 100,
                PracticalMaxScore = def.PracticalMax,
                Difficulty = run % 2 == 0 ? AssessmentDifficulty.Intermediate : AssessmentDifficulty.Advanced,
            };
            _company.Assessments.Add(preTest);
            _company.Assessments.AddRange(quizzes);
            _company.Assessments.Add(finalExam);

            // The first run of SC-PLAN predates the survey tool: its satisfaction was migrated as stored observations.
            var legacySatisfaction = def.Code == "SC-PLAN" && run == 0;
            var midWeek = (weeks + 1) / 2;
            var surveys = legacySatisfaction
                ? []
                : new List<SatisfactionSurvey>
                {
                    new() { Cohort = cohort, Name = "课中反馈", NameEn = "Mid-course pulse", OpenedOn = sessions[midWeek - 1].HeldOn, ItemCount = 4 },
                    new() { Cohort = cohort, Name = "课程满意度调查", NameEn = "Course satisfaction survey", OpenedOn = end, ItemCount = 6 },
                };
            _company.Surveys.AddRange(surveys);

            var enrollments = Enroll(cohort, def, start, used, quality);
            var deptCounts = enrollments.GroupBy(e => e.Learner.Department!).OrderByDescending(g => g.Count()).ToList();
            var lead = _company.Mentors.FirstOrDefault(m => m.Department == deptCounts[0].Key && m.Title != null) ?? _company.Mentors[0];
            var cohortMentors = enrollments.Select(e => e.Enrollment.Mentor!).Distinct().ToList();
            if (!cohortMentors.Contains(lead))
                cohortMentors.Insert(0, lead);
            foreach (var mentor in cohortMentors)
                _company.CohortMentors.Add(new CohortMentor { Cohort = cohort, Mentor = mentor, IsLead = mentor == lead });

            foreach (var plan in enrollments)
            {
                CreateWeeklyRecords(plan, sessions, assignments, quizzes, quality);
                CreateTests(plan, preTest, finalExam, quality);
                CreateSurveyResponses(plan, surveys, quality);
                CreateRatings(plan, sessions, midWeek, end);
                CreateApplicationEvents(plan, def, end);
                if (legacySatisfaction && plan.WithdrawWeek is null)
                {
                    _company.StoredObservations.Add(new StoredObservation
                    {
                        Enrollment = plan.Enrollment,
                        IndicatorCode = BuiltInIndicators.Satisfaction,
                        Value = Math.Round(DemoRandom.Clamp(_rnd.Normal(3.7 + 0.3 * plan.Engagement, 0.45), 1, 5), 2),
                        Source = "旧版培训系统迁移 / Migrated from the legacy LMS",
                        RecordedAt = end.AddDays(3).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
                    });
                }
                if (def.Code == "SAFE-OPS" && plan.WithdrawWeek is null && end.AddDays(30) <= _today
                    && versions.Count > 1 && start.ToDateTime(TimeOnly.MinValue) >= versions[1].CreatedAt)
                {
                    _company.StoredObservations.Add(new StoredObservation
                    {
                        Enrollment = plan.Enrollment,
                        IndicatorCode = DemoIndicators.SafetyAudit,
                        Value = Math.Round(DemoRandom.Clamp(_rnd.Normal(78 + 7 * plan.Transfer, 7), 0, 100), 1),
                        Source = "EHS审核系统导出 / EHS audit system export",
                        RecordedAt = end.AddDays(30).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
                    });
                }
                if (plan.WithdrawWeek is null && end < _today)
                    // A behaviour rating rises by a fraction of a point after a good course, less than review-to-review noise
                    // for many learners, so the before/after effect stays believable (d_z about 0.5–1.2, issue 14).
                    _boosts[plan.Learner].Add((end, 0.15 + 0.25 * plan.Transfer + quality / 60));
            }

            CreateKpiMeasurements(cohort, def, kpis, enrollments, end, quality);
            CreateCosts(program, cohort, def, enrollments.Count, start);
        }

        private List<EnrollmentPlan> Enroll(Cohort cohort, DemoProgram def, DateOnly start, HashSet<Learner> used, double quality)
        {
            var size = spec.CohortSizeOverride ?? (int)Math.Round(_rnd.Int(def.SizeMin, def.SizeMax + 1) * spec.CohortSizeFactor);
            bool Fits(Learner l) => l.HireDate < start && (!def.RecentHiresOnly || l.HireDate >= start.AddDays(-240));
            var eligible = _company.Learners.Where(l => !used.Contains(l) && Fits(l)).ToList();
            if (eligible.Count < size)
            {
                // Too few fresh learners (a small or oversized demo): let earlier runs' learners take the course again.
                eligible.AddRange(_company.Learners.Where(l => used.Contains(l) && Fits(l)));
            }
            var deptIndex = _company.Departments.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
            var weights = eligible.Select(l => def.DepartmentWeights[deptIndex[l.Department!]] + 0.001).ToList();
            var chosen = new List<Learner>();
            while (chosen.Count < size && eligible.Count > 0)
            {
                var i = _rnd.Weighted(weights);
                chosen.Add(eligible[i]);
                eligible.RemoveAt(i);
                weights.RemoveAt(i);
            }

            var weeks = def.Weeks;
            var weeksHeld = Math.Clamp((_today.DayNumber - start.DayNumber) / 7 + 1, 0, weeks);
            var plans = new List<EnrollmentPlan>();
            foreach (var learner in chosen)
            {
                used.Add(learner);
                var traits = _traits[learner];
                var engagement = 0.75 * traits.Engagement + 0.55 * _rnd.Normal();
                var ability = traits.Ability;
                var enrollment = new Enrollment
                {
                    Cohort = cohort,
                    Learner = learner,
                    Mentor = learner.Mentor,
                    EnrolledOn = start.AddDays(-_rnd.Int(7, 30)),
                };
                var plan = new EnrollmentPlan
                {
                    Enrollment = enrollment,
                    Learner = learner,
                    Engagement = engagement,
                    Ability = ability,
                    Transfer = 0.5 * engagement + 0.35 * ability + quality / 12 + 0.45 * _rnd.Normal(),
                };
                if (weeksHeld >= 4 && _rnd.Chance(0.12))
                    plan.DipWeek = _rnd.Int(2, Math.Min(weeks - 2, weeksHeld - 1) + 1);
                if (weeksHeld >= 3 && _rnd.Chance(0.03 + 0.03 * Math.Max(0, -engagement)))
                    plan.WithdrawWeek = _rnd.Int(2, Math.Min(weeks - 1, weeksHeld) + 1);

                var ended = start.AddDays(7 * weeks - 3) <= _today;
                if (plan.WithdrawWeek is { } w)
                {
                    enrollment.Status = EnrollmentStatus.Withdrawn;
                    enrollment.WithdrawnOn = start.AddDays(7 * (w - 1) + 3);
                }
                else if (ended)
                {
                    enrollment.Status = EnrollmentStatus.Completed;
                    enrollment.CompletedOn = start.AddDays(7 * weeks - 3);
                }
                _company.Enrollments.Add(enrollment);
                plans.Add(plan);
            }
            return plans;
        }

        private static bool Active(EnrollmentPlan plan, int week) => plan.WithdrawWeek is not { } w || week <= w;

        private static bool Dipping(EnrollmentPlan plan, int week) => plan.DipWeek is { } d && week >= d && week <= d + 1;

        private void CreateWeeklyRecords(EnrollmentPlan plan, List<CohortSession> sessions, List<Assignment> assignments, List<Assessment> quizzes, double quality)
        {
            var e = plan.Engagement;
            for (var k = 1; k <= sessions.Count; k++)
            {
                var session = sessions[k - 1];
                if (session.HeldOn > _today || !Active(plan, k))
                    break;
                var dip = Dipping(plan, k);

                var pPresent = dip ? 0.3 : DemoRandom.Sigmoid(2.3 + 1.1 * e);
                var status = _rnd.Chance(0.03) ? AttendanceStatus.Excused
                    : _rnd.Chance(pPresent) ? (_rnd.Chance(dip ? 0.35 : 0.07) ? AttendanceStatus.Late : AttendanceStatus.Present)
                    : AttendanceStatus.Absent;
                _company.Attendance.Add(new AttendanceRecord { Session = session, Enrollment = plan.Enrollment, Status = status });

                var interactions = _rnd.Poisson(dip ? 0.2 : 1.5 * Math.Exp(0.45 * e));
                for (var i = 0; i < interactions; i++)
                {
                    var at = session.HeldOn.AddDays(_rnd.Int(0, 7)).ToDateTime(new TimeOnly(_rnd.Int(8, 21), _rnd.Int(0, 60)), DateTimeKind.Utc);
                    if (at <= _now)
                        _company.Interactions.Add(new Interaction { Enrollment = plan.Enrollment, OccurredAt = at, Kind = (InteractionKind)_rnd.Weighted([5, 3, 2]) });
                }

                if (k <= assignments.Count)
                    CreateSubmission(plan, assignments[k - 1], dip, quality);

                var quiz = quizzes.FirstOrDefault(q => q.HeldOn == session.HeldOn);
                if (quiz is not null && status is AttendanceStatus.Present or AttendanceStatus.Late)
                {
                    var points = DemoRandom.Clamp(_rnd.Normal(66 + 9 * plan.Ability + 4 * e + quality + (dip ? -28 : 0), 9), 0, 100);
                    _company.Results.Add(new AssessmentResult { Assessment = quiz, Enrollment = plan.Enrollment, Score = Math.Round(points / 100 * quiz.MaxScore, 1) });
                }
            }
        }

        private void CreateSubmission(EnrollmentPlan plan, Assignment assignment, bool dip, double quality)
        {
            var e = plan.Engagement;
            if (!_rnd.Chance(dip ? 0.25 : DemoRandom.Sigmoid(2.0 + 1.2 * e)))
                return;
            var onTime = _rnd.Chance(dip ? 0.3 : DemoRandom.Sigmoid(1.6 + 1.0 * e));
            var assignedAt = assignment.AssignedOn.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
            var submittedAt = onTime
                ? assignment.DueAt.AddHours(-_rnd.Int(1, 140))
                : assignment.DueAt.AddHours(_rnd.Int(2, 96));
            if (submittedAt < assignedAt)
                submittedAt = assignedAt.AddHours(2);
            if (submittedAt > _now)
                return;
            var score = DemoRandom.Clamp(_rnd.Normal(72 + 7 * plan.Ability + 5 * e + quality * 0.6 - (onTime ? 0 : 6), 10), 0, assignment.MaxScore);
            _company.Submissions.Add(new Submission { Assignment = assignment, Enrollment = plan.Enrollment, SubmittedAt = submittedAt, Score = Math.Round(score, 1) });
        }

        private void CreateTests(EnrollmentPlan plan, Assessment preTest, Assessment finalExam, double quality)
        {
            if (preTest.HeldOn > _today)
                return;
            var pre = DemoRandom.Clamp(_rnd.Normal(42 + 9 * plan.Ability, 11), 0, 95);
            if (_rnd.Chance(0.95))
                _company.Results.Add(new AssessmentResult { Assessment = preTest, Enrollment = plan.Enrollment, Score = Math.Round(pre) });

            if (finalExam.HeldOn > _today || plan.WithdrawWeek is not null || !_rnd.Chance(0.97))
                return;
            var gainFraction = DemoRandom.Clamp(DemoRandom.Sigmoid(0.4 + 0.8 * plan.Ability + 0.45 * plan.Engagement + quality / 8 + _rnd.Normal(0, 0.5)) * 0.95, 0, 1);
            var theory = DemoRandom.Clamp(pre + (100 - pre) * gainFraction + _rnd.Normal(0, 3), 0, 100);
            double? practical = finalExam.PracticalMaxScore is { } max
                ? Math.Round(DemoRandom.Clamp(_rnd.Normal(70 + 8 * plan.Ability + 5 * plan.Engagement + quality, 9), 0, 100) / 100 * max, 1)
                : null;
            _company.Results.Add(new AssessmentResult { Assessment = finalExam, Enrollment = plan.Enrollment, Score = Math.Round(theory), PracticalScore = practical });
        }

        private void CreateSurveyResponses(EnrollmentPlan plan, List<SatisfactionSurvey> surveys, double quality)
        {
            foreach (var survey in surveys)
            {
                if (survey.OpenedOn > _today || (plan.Enrollment.WithdrawnOn is { } w && w < survey.OpenedOn)
                    || !_rnd.Chance(DemoRandom.Sigmoid(1.6 + 0.6 * plan.Engagement)))
                    continue;
                var mean = 3.6 + 0.35 * plan.Engagement + quality / 14;
                var items = Enumerable.Range(0, survey.ItemCount).Select(_ => (int)DemoRandom.Clamp(Math.Round(_rnd.Normal(mean, 0.7)), 1, 5)).ToList();
                var submitted = survey.OpenedOn.AddDays(_rnd.Int(0, 4)).ToDateTime(new TimeOnly(_rnd.Int(9, 20), _rnd.Int(0, 60)), DateTimeKind.Utc);
                if (submitted > _now)
                    continue;
                var comment = _rnd.Chance(0.2) ? _rnd.Pick(DemoCatalog.SurveyComments) : (DemoText?)null;
                _company.SurveyResponses.Add(new SurveyResponse
                {
                    Survey = survey,
                    Enrollment = plan.Enrollment,
                    SubmittedAt = submitted,
                    ItemScores = items,
                    Comment = comment is { } c ? Comment(c) : null,
                });
            }
        }

        /// <summary>Free text is stored as written; the demo writes it in the company's language (see DemoCompanySpec.Chinese).</summary>
        private string Comment(DemoText text) => spec.ChineseFreeText ? text.Zh : text.En;

        private void CreateRatings(EnrollmentPlan plan, List<CohortSession> sessions, int midWeek, DateOnly end)
        {
            var mentor = plan.Enrollment.Mentor!;
            var occasions = new List<DateOnly> { sessions[Math.Min(midWeek, sessions.Count - 1)].HeldOn.AddDays(1), end.AddDays(3), end.AddDays(45) };
            var previous = new Dictionary<string, int>();
            var dims = BuiltInIndicators.MentorDimensions;
            var dropDimension = plan.DipWeek is null ? null : _rnd.Pick(dims);
            for (var o = 0; o < occasions.Count; o++)
            {
                var on = occasions[o];
                if (on > _today || (plan.Enrollment.WithdrawnOn is { } w && w < on))
                    break;
                for (var d = 0; d < dims.Count; d++)
                {
                    var dim = dims[d];
                    var mean = 3.1 + 0.55 * plan.Transfer + 0.12 * o * Math.Sign(plan.Transfer + 0.3) + (d - 2) * 0.05;
                    var score = (int)DemoRandom.Clamp(Math.Round(_rnd.Normal(mean, 0.55)), 1, 5);
                    // A dip shows up in the mentor's next rating as a drop of at least one point on one dimension.
                    if (dim == dropDimension && o == 1 && previous.TryGetValue(dim, out var before))
                        score = Math.Max(1, Math.Min(score, before - 1 - (_rnd.Chance(0.3) ? 1 : 0)));
                    if (dim == dropDimension && o == 1 && score == previous.GetValueOrDefault(dim))
                        score = Math.Max(1, score - 1);
                    previous[dim] = score;
                    var comment = _rnd.Chance(0.15) || (dim == dropDimension && o == 1)
                        ? Comment(dim == dropDimension && o == 1 ? DemoCatalog.RatingComments[3] : _rnd.Pick(DemoCatalog.RatingComments))
                        : null;
                    _company.MentorRatings.Add(new MentorRating
                    {
                        Enrollment = plan.Enrollment,
                        Mentor = mentor,
                        Dimension = dim,
                        Score = score,
                        Comment = comment,
                        RatedAt = on.ToDateTime(new TimeOnly(16, 0).AddMinutes(d * 3), DateTimeKind.Utc),
                        Sequence = o + 1,
                    });
                }
            }
        }

        private void CreateApplicationEvents(EnrollmentPlan plan, DemoProgram def, DateOnly end)
        {
            if (plan.WithdrawWeek is not null || end >= _today)
                return;
            var inWindow = _rnd.Poisson(2.6 * Math.Exp(0.5 * plan.Transfer));
            var afterWindow = _rnd.Poisson(0.6);
            for (var i = 0; i < inWindow + afterWindow; i++)
            {
                var day = i < inWindow ? _rnd.Int(1, WeightProfile.Default.ApplicationWindowDays + 1) : _rnd.Int(WeightProfile.Default.ApplicationWindowDays + 1, 121);
                var on = end.AddDays(day);
                if (on > _today)
                    continue;
                var text = _rnd.Pick(def.Applications);
                _company.ApplicationEvents.Add(new ApplicationEvent
                {
                    Enrollment = plan.Enrollment,
                    OccurredOn = on,
                    Description = text.Zh,
                    DescriptionEn = text.En,
                    IsKeyEvent = _rnd.Chance(0.15 + 0.1 * Math.Max(0, plan.Transfer)),
                });
            }
        }

        private void CreateKpiMeasurements(Cohort cohort, DemoProgram def, List<Kpi> kpis, List<EnrollmentPlan> plans, DateOnly end, double quality)
        {
            var measuredOn = end.AddDays(KpiMeasurementDelayDays);
            var measured = measuredOn <= _today;
            var finishers = plans.Where(p => p.WithdrawWeek is null).ToList();
            for (var i = 0; i < kpis.Count; i++)
            {
                var kd = def.Kpis[i];
                if (kd.TeamLevel)
                {
                    foreach (var team in finishers.GroupBy(p => p.Learner.Department!))
                    {
                        var transfer = team.Average(p => p.Transfer);
                        _company.KpiMeasurements.Add(Measurement(kpis[i], kd, cohort, null, team.Key, transfer, quality, measured ? measuredOn : null));
                    }
                }
                else
                {
                    foreach (var plan in finishers)
                        _company.KpiMeasurements.Add(Measurement(kpis[i], kd, cohort, plan.Enrollment, null, plan.Transfer, quality, measured ? measuredOn : null));
                }
            }
        }

        private KpiMeasurement Measurement(Kpi kpi, DemoKpi kd, Cohort cohort, Enrollment? enrollment, Department? team, double transfer, double quality, DateOnly? measuredOn)
        {
            var isPercent = kd.Unit.En == "%";
            var baseline = Math.Round(Math.Max(0.1, _rnd.Normal(kd.BaselineMean, kd.BaselineSd)), kd.Decimals);
            if (isPercent)
                baseline = Math.Min(baseline, 99);
            var target = Math.Round(baseline * (1 + kd.TargetImprovement), kd.Decimals);
            if (isPercent)
                target = Math.Min(target, 100);
            if (target == baseline)
                target = baseline + (kd.Direction == KpiDirection.HigherIsBetter ? 1 : -1) * Math.Pow(10, -kd.Decimals);
            double? actual = null;
            if (measuredOn is not null)
            {
                // Spread wide enough that the paired effect stays where real before/after studies find it (d_z rarely above
                // 1.5; issue 14): a person's KPI moves for many reasons besides the training, a team's a little less.
                var achievement = DemoRandom.Clamp(_rnd.Normal(0.35 + 0.25 * transfer + quality / 50, team is null ? 0.75 : 0.6), -1.0, 1.6);
                actual = Math.Round(Math.Max(0, baseline + achievement * (target - baseline)), kd.Decimals);
                if (isPercent)
                    actual = Math.Min(actual.Value, 100);
            }
            return new KpiMeasurement
            {
                Kpi = kpi,
                Cohort = cohort,
                Enrollment = enrollment,
                Department = team,
                Baseline = baseline,
                Target = target,
                Actual = actual,
                MeasuredOn = measuredOn,
            };
        }

        private void CreateCosts(TrainingProgram program, Cohort cohort, DemoProgram def, int learners, DateOnly start)
        {
            var hours = def.Weeks * (def.Code == "SAFE-OPS" ? 2 : 3);
            void Add(CostCategory category, string zh, string en, double amount) => _company.CostItems.Add(new ProgramCostItem
            {
                Program = program,
                Cohort = cohort,
                Category = category,
                Description = zh,
                DescriptionEn = en,
                Amount = decimal.Round((decimal)amount, 2),
                IncurredOn = start,
            });
            Add(CostCategory.Trainer, "讲师课酬", "Trainer fees", hours * _rnd.Uniform(800, 1500));
            Add(CostCategory.Materials, "教材与耗材", "Materials", learners * _rnd.Uniform(120, 320));
            Add(CostCategory.Venue, "场地与设备", "Venue and equipment", def.Weeks * _rnd.Uniform(400, 900));
            Add(CostCategory.LearnerTime, "学员工时", "Learners' time", learners * hours * _rnd.Uniform(55, 75));
        }

        /// <summary>Semi-annual reviews (30 June, 31 December); behaviour rises after each completed cohort by its transfer.</summary>
        private void CreatePerformanceReviews()
        {
            var dates = new List<DateOnly>();
            for (var year = _historyStart.Year - 1; year <= _today.Year; year++)
            {
                dates.Add(new DateOnly(year, 6, 30));
                dates.Add(new DateOnly(year, 12, 31));
            }
            foreach (var learner in _company.Learners)
            {
                var traits = _traits[learner];
                var behaviorBase = 3.0 + 0.25 * traits.Ability + 0.2 * traits.Engagement;
                var overallBase = 2.9 + 0.35 * traits.Ability;
                foreach (var on in dates)
                {
                    if (on > _today || on < _historyStart.AddDays(-180) || on < learner.HireDate!.Value.AddDays(90))
                        continue;
                    var boost = _boosts[learner].Where(b => b.End < on).Sum(b => b.Boost);
                    var behavior = DemoRandom.Clamp(_rnd.Normal(behaviorBase + boost, 0.3), 1, 5);
                    var overall = DemoRandom.Clamp(_rnd.Normal(overallBase + 0.6 * boost, 0.35), 1, 5);
                    _company.PerformanceReviews.Add(new PerformanceReview
                    {
                        Learner = learner,
                        ReviewedOn = on,
                        BehaviorRating = Math.Round(behavior, 1),
                        OverallRating = Math.Round(overall, 1),
                        Reviewer = learner.Mentor?.Name,
                    });
                }
            }
        }
    }
}

/// <summary>Codes of the demo's custom indicators.</summary>
public static class DemoIndicators
{
    /// <summary>Safety audit score (percent) imported from the EHS system; a custom Results indicator of SAFE-OPS.</summary>
    public const string SafetyAudit = "safety_audit";
}
