using System.Globalization;
using System.Text;
using CsvHelper.Configuration;
using CsvHelper;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;

namespace TrainingEval.Tools.Oulad;

/// <summary>The OULAD sample as TrainingEval import files (CSV text, one per kind); see docs/examples/oulad.md.</summary>
public sealed record OuladFiles(
    string Programs,
    string Cohorts,
    string Learners,
    string Enrollments,
    string Assignments,
    string Submissions,
    string Assessments,
    string AssessmentResults,
    string AssessmentObservations,
    string ResultObservations,
    string? Interactions)
{
    /// <summary>The files in the order they must be imported (each refers only to earlier ones); interactions only when studentVle.csv was there.</summary>
    public IEnumerable<(string Kind, string Name, string Csv)> InImportOrder()
    {
        (string, string, string)[] files =
        [
            ("programs", "programs.csv", Programs),
            ("cohorts", "cohorts.csv", Cohorts),
            ("learners", "learners.csv", Learners),
            ("enrollments", "enrollments.csv", Enrollments),
            ("assignments", "assignments.csv", Assignments),
            ("submissions", "submissions.csv", Submissions),
            ("assessments", "assessments.csv", Assessments),
            ("assessment_results", "assessment_results.csv", AssessmentResults),
            ("observations", "observations-assessments.csv", AssessmentObservations),
            ("observations", "observations-results.csv", ResultObservations),
        ];
        return Interactions is null ? files : [.. files, ("interactions", "interactions.csv", Interactions)];
    }
}

/// <summary>
/// Converts the Open University Learning Analytics Dataset (as published: courses, assessments, studentInfo,
/// studentRegistration, studentAssessment, and studentVle where a copy is there) into TrainingEval's import formats:
/// module → program, presentation → cohort, student → learner, registration (with its withdrawal day) → enrollment,
/// assessment → assignment (due day) and assessment (quiz or final), submission → submission (on time or late) and
/// result, assessment score → <c>exam_theory</c> observation, final result → <c>performance</c> observation, VLE days
/// → interactions. Shared by the OULAD test and the import benchmark, so both import exactly what the documentation
/// describes.
/// </summary>
public static class OuladConverter
{
    public const string ProgramPrefix = "OU-";
    public const string EmployeePrefix = "OU";
    public const string ResultMeasure = "final_result";

    /// <summary>
    /// OULAD measures learning (assessments) and an outcome (final result) only. Its programs weigh those two levels
    /// equally and the others 0, so the composite is (learning + results) / 2 at full coverage instead of a provisional
    /// number over a quarter of the default weights; inside each level the one indicator with data carries the weight.
    /// </summary>
    public static WeightProfile Profile { get; } = WeightProfile.Default with
    {
        Name = "OULAD: assessments and final result",
        LevelWeights = new LevelWeights(0, 50, 0, 50),
        Indicators = BuiltInIndicators.All.Select(i => i.Level switch
        {
            KirkpatrickLevel.Learning => i with { Weight = i.Code == BuiltInIndicators.ExamTheory ? 100 : 0 },
            KirkpatrickLevel.Results => i with { Weight = i.Code == BuiltInIndicators.Performance ? 100 : 0 },
            _ => i,
        }).ToList(),
    };

    public static string ProgramCode(string module) => ProgramPrefix + module;

    public static string CohortCode(string module, string presentation) => $"{module}-{presentation}";

    public static string EmployeeNo(string student) => EmployeePrefix + student;

    /// <summary>Presentations are named by year and start month: B = February, J = October.</summary>
    public static DateOnly StartOf(string presentation) =>
        new(int.Parse(presentation[..4], CultureInfo.InvariantCulture), presentation[4] == 'B' ? 2 : 10, 1);

    /// <summary>Distinction 5, Pass 4, Fail 2 on the performance indicator's 1–5 scale; withdrawn students have none.</summary>
    public static double? ResultRating(string finalResult) => finalResult switch
    {
        "Distinction" => 5,
        "Pass" => 4,
        "Fail" => 2,
        _ => null,
    };

    /// <summary>The Open University's pass mark for an assessment (40 %), used as each assessment's pass line.</summary>
    public const double PassLine = 40;

    /// <summary>The VLE's click log, when a copy of the full dataset is there (the sample leaves it out: 10 million rows).</summary>
    public const string VleFile = "studentVle.csv";

    public static string AssessmentCode(string type, string id) => $"{type}-{id}";

    public static OuladFiles Convert(string folder)
    {
        var courses = Read(folder, "courses.csv");
        var assessments = Read(folder, "assessments.csv").ToDictionary(a => a["id_assessment"]);
        var students = Read(folder, "studentInfo.csv");
        var registrations = Read(folder, "studentRegistration.csv").ToDictionary(r => (r["code_module"], r["code_presentation"], r["id_student"]));
        var scores = Read(folder, "studentAssessment.csv");

        var programs = Write(["program_code", "name", "category", "description"],
            courses.Select(c => c["code_module"]).Distinct().Order(StringComparer.Ordinal)
                .Select(m => new[] { ProgramCode(m), $"OULAD module {m}", "OULAD", "Open University module (OULAD, CC BY 4.0)" }));
        var ends = new Dictionary<(string, string), DateOnly>();
        var cohorts = Write(["cohort_code", "program_code", "name", "start_date", "end_date"], courses.Select(c =>
        {
            var start = StartOf(c["code_presentation"]);
            var end = start.AddDays(int.Parse(c["module_presentation_length"], CultureInfo.InvariantCulture) - 1);
            ends[(c["code_module"], c["code_presentation"])] = end;
            return new[] { CohortCode(c["code_module"], c["code_presentation"]), ProgramCode(c["code_module"]), $"{c["code_module"]} {c["code_presentation"]}", Date(start), Date(end) };
        }));
        var learners = Write(["employee_no", "name", "department"], students
            .GroupBy(s => s["id_student"]).OrderBy(g => long.Parse(g.Key, CultureInfo.InvariantCulture))
            .Select(g => new[] { EmployeeNo(g.Key), $"Student {g.Key}", g.First()["region"] }));

        // Registrations: enrolled on the registration day (days from the run's start, often before it); a registration
        // with an unregistration day is a withdrawal on that day, whatever final result the row carries.
        var withdrawn = new HashSet<(string, string, string)>();
        var enrollments = Write(["cohort_code", "employee_no", "status", "enrolled_on", "withdrawn_on"], students.Select(s =>
        {
            var key = (s["code_module"], s["code_presentation"], s["id_student"]);
            var start = StartOf(s["code_presentation"]);
            var registration = registrations.GetValueOrDefault(key);
            var enrolled = registration is not null && registration["date_registration"].Length > 0 ? start.AddDays(Day(registration["date_registration"])) : start;
            DateOnly? left = registration is not null && registration["date_unregistration"].Length > 0 ? start.AddDays(Day(registration["date_unregistration"])) : null;
            if (left is null && s["final_result"] == "Withdrawn")
                left = ends[(s["code_module"], s["code_presentation"])];
            if (left is { } l && l < enrolled)
                left = enrolled;
            if (left is not null)
                withdrawn.Add(key);
            return new[]
            {
                CohortCode(s["code_module"], s["code_presentation"]), EmployeeNo(s["id_student"]),
                left is null ? "completed" : "withdrawn", Date(enrolled), left is { } w ? Date(w) : "",
            };
        }));

        // Every assessment is both a piece of homework with a due day (so hand-ins are on time or late) and a test with a
        // score (the health index's performance, score drops). TMA and CMA are quizzes of the run; an exam is its final.
        var submitted = scores.Where(s => s["is_banked"] != "1").ToList();
        var firstHandIn = submitted.GroupBy(s => s["id_assessment"]).ToDictionary(g => g.Key, g => g.Min(s => Day(s["date_submitted"])));
        var dueDays = assessments.Values.ToDictionary(a => a["id_assessment"], a => a["date"].Length > 0
            ? Day(a["date"])
            : ends[(a["code_module"], a["code_presentation"])].DayNumber - StartOf(a["code_presentation"]).DayNumber);
        var assignmentRows = Write(["cohort_code", "assignment_code", "title", "due_at", "assigned_on", "max_score"], assessments.Values.Select(a =>
        {
            var start = StartOf(a["code_presentation"]);
            var id = a["id_assessment"];
            // Set by the run's start, or earlier when someone handed it in earlier (the VLE opens before the run).
            var assigned = Math.Min(0, firstHandIn.GetValueOrDefault(id, 0));
            return new[] { CohortCode(a["code_module"], a["code_presentation"]), AssessmentCode(a["assessment_type"], id), $"{a["assessment_type"]} {id}",
                Date(start.AddDays(dueDays[id])), Date(start.AddDays(assigned)), "100" };
        }));
        var submissionRows = Write(["cohort_code", "assignment_code", "employee_no", "submitted_at", "score"], submitted.Select(s =>
        {
            var a = assessments[s["id_assessment"]];
            return new[] { CohortCode(a["code_module"], a["code_presentation"]), AssessmentCode(a["assessment_type"], a["id_assessment"]), EmployeeNo(s["id_student"]),
                Date(StartOf(a["code_presentation"]).AddDays(Day(s["date_submitted"]))), s["score"] };
        }));
        var assessmentRows = Write(["cohort_code", "assessment_code", "title", "kind", "part", "max_score", "pass_line", "difficulty", "held_on"], assessments.Values.Select(a =>
        {
            var id = a["id_assessment"];
            return new[] { CohortCode(a["code_module"], a["code_presentation"]), AssessmentCode(a["assessment_type"], id), $"{a["assessment_type"]} {id}",
                a["assessment_type"] == "Exam" ? "final" : "quiz", "theory", "100", PassLine.ToString(CultureInfo.InvariantCulture), "intermediate",
                Date(StartOf(a["code_presentation"]).AddDays(dueDays[id])) };
        }));
        var resultRows = Write(["cohort_code", "assessment_code", "part", "employee_no", "score"], scores.Where(s => s["score"].Length > 0).Select(s =>
        {
            var a = assessments[s["id_assessment"]];
            return new[] { CohortCode(a["code_module"], a["code_presentation"]), AssessmentCode(a["assessment_type"], a["id_assessment"]), "theory", EmployeeNo(s["id_student"]), s["score"] };
        }));

        var observationHeader = new[] { "cohort_code", "employee_no", "indicator", "value", "measure", "observed_on" };
        var assessmentObservations = scores.Where(s => s["score"].Length > 0).Select(s =>
        {
            var a = assessments[s["id_assessment"]];
            var start = StartOf(a["code_presentation"]);
            return new[]
            {
                CohortCode(a["code_module"], a["code_presentation"]), EmployeeNo(s["id_student"]), BuiltInIndicators.ExamTheory, s["score"],
                $"{a["assessment_type"]} {a["id_assessment"]}", Date(start.AddDays(Day(s["date_submitted"]))),
            };
        });
        // Withdrawn learners are not scored: their final result is left out.
        var resultObservations = students.Where(s => ResultRating(s["final_result"]) is not null && !withdrawn.Contains((s["code_module"], s["code_presentation"], s["id_student"])))
            .Select(s => new[]
            {
                CohortCode(s["code_module"], s["code_presentation"]), EmployeeNo(s["id_student"]), BuiltInIndicators.Performance,
                ResultRating(s["final_result"])!.Value.ToString(CultureInfo.InvariantCulture), ResultMeasure, Date(ends[(s["code_module"], s["code_presentation"])]),
            });
        return new OuladFiles(programs, cohorts, learners, enrollments, assignmentRows, submissionRows, assessmentRows, resultRows,
            Write(observationHeader, assessmentObservations), Write(observationHeader, resultObservations), Interactions(folder, courses, students));
    }

    /// <summary>
    /// studentVle (a row per student, run, VLE resource and day, with its clicks) → interactions: one row per student and day
    /// of the run with the number of resources they used that day as the count, kind <c>post</c> — the closest built-in kind
    /// to "took part" (the interaction indicator counts participation, not clicks). Days before the run starts or after it
    /// ends are left out (the indicator counts interactions in the cohort). Null when the file is not there.
    /// </summary>
    private static string? Interactions(string folder, List<Dictionary<string, string>> courses, List<Dictionary<string, string>> students)
    {
        if (!File.Exists(Path.Combine(folder, VleFile)))
            return null;
        var lengths = courses.ToDictionary(c => (c["code_module"], c["code_presentation"]), c => int.Parse(c["module_presentation_length"], CultureInfo.InvariantCulture));
        var registered = students.Select(s => (s["code_module"], s["code_presentation"], s["id_student"])).ToHashSet();
        var days = new SortedDictionary<(string Module, string Presentation, long Student, int Day), HashSet<string>>();
        foreach (var row in Read(folder, VleFile))
        {
            var run = (row["code_module"], row["code_presentation"]);
            if (!lengths.TryGetValue(run, out var length) || !registered.Contains((run.Item1, run.Item2, row["id_student"])))
                continue;
            var day = Day(row["date"]);
            if (day < 0 || day >= length)
                continue;
            var key = (run.Item1, run.Item2, long.Parse(row["id_student"], CultureInfo.InvariantCulture), day);
            if (!days.TryGetValue(key, out var sites))
                days[key] = sites = [];
            sites.Add(row["id_site"]);
        }
        return Write(["cohort_code", "employee_no", "occurred_at", "kind", "count"], days.Select(d => new[]
        {
            CohortCode(d.Key.Module, d.Key.Presentation), EmployeeNo(d.Key.Student.ToString(CultureInfo.InvariantCulture)),
            Date(StartOf(d.Key.Presentation).AddDays(d.Key.Day)), "post", d.Value.Count.ToString(CultureInfo.InvariantCulture),
        }));
    }

    private static int Day(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<Dictionary<string, string>> Read(string folder, string file)
    {
        using var reader = new StreamReader(Path.Combine(folder, file), Encoding.UTF8);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        var headers = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
            rows.Add(headers.ToDictionary(h => h, h => csv.GetField(h) ?? "", StringComparer.Ordinal));
        return rows;
    }

    private static string Write(string[] header, IEnumerable<string[]> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var h in header)
                csv.WriteField(h);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                    csv.WriteField(cell);
                csv.NextRecord();
            }
        }
        return text.ToString();
    }
}
