using System.Globalization;
using System.Text;
using CsvHelper.Configuration;
using CsvHelper;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;

namespace TrainingEval.Tools.Oulad;

/// <summary>The OULAD sample as TrainingEval import files (CSV text, one per kind); see docs/examples/oulad.md.</summary>
public sealed record OuladFiles(string Programs, string Cohorts, string Learners, string Enrollments, string AssessmentObservations, string ResultObservations)
{
    /// <summary>The files in the order they must be imported (each refers only to earlier ones).</summary>
    public IEnumerable<(string Kind, string Name, string Csv)> InImportOrder() =>
    [
        ("programs", "programs.csv", Programs),
        ("cohorts", "cohorts.csv", Cohorts),
        ("learners", "learners.csv", Learners),
        ("enrollments", "enrollments.csv", Enrollments),
        ("observations", "observations-assessments.csv", AssessmentObservations),
        ("observations", "observations-results.csv", ResultObservations),
    ];
}

/// <summary>
/// Converts the Open University Learning Analytics Dataset (as published: courses, assessments, studentInfo,
/// studentAssessment) into TrainingEval's import formats: module → program, presentation → cohort, student →
/// learner, registration → enrollment, assessment score → <c>exam_theory</c> observation (one measure per
/// assessment), final result → <c>performance</c> observation. Shared by the OULAD test and the import benchmark,
/// so both import exactly what the documentation describes.
/// </summary>
public static class OuladConverter
{
    public const string ProgramPrefix = "OU-";
    public const string EmployeePrefix = "OU";
    public const string ResultMeasure = "final_result";

    /// <summary>
    /// OULAD measures learning (assessments) and an outcome (final result) only. Its programs weigh those two
    /// levels equally and the others 0, so the derived zeros of indicators with no source here (interaction,
    /// application) do not pull scores down; inside each level the one indicator with data carries the weight.
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

    public static OuladFiles Convert(string folder)
    {
        var courses = Read(folder, "courses.csv");
        var assessments = Read(folder, "assessments.csv").ToDictionary(a => a["id_assessment"]);
        var students = Read(folder, "studentInfo.csv");
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
        var enrollments = Write(["cohort_code", "employee_no", "status"], students.Select(s => new[]
        {
            CohortCode(s["code_module"], s["code_presentation"]), EmployeeNo(s["id_student"]),
            s["final_result"] == "Withdrawn" ? "withdrawn" : "completed",
        }));

        var observationHeader = new[] { "cohort_code", "employee_no", "indicator", "value", "measure", "observed_on" };
        var assessmentRows = scores.Where(s => s["score"].Length > 0).Select(s =>
        {
            var a = assessments[s["id_assessment"]];
            var start = StartOf(a["code_presentation"]);
            return new[]
            {
                CohortCode(a["code_module"], a["code_presentation"]), EmployeeNo(s["id_student"]), BuiltInIndicators.ExamTheory, s["score"],
                $"{a["assessment_type"]} {a["id_assessment"]}", Date(start.AddDays(int.Parse(s["date_submitted"], CultureInfo.InvariantCulture))),
            };
        });
        var resultRows = students.Where(s => ResultRating(s["final_result"]) is not null).Select(s => new[]
        {
            CohortCode(s["code_module"], s["code_presentation"]), EmployeeNo(s["id_student"]), BuiltInIndicators.Performance,
            ResultRating(s["final_result"])!.Value.ToString(CultureInfo.InvariantCulture), ResultMeasure, Date(ends[(s["code_module"], s["code_presentation"])]),
        });
        return new OuladFiles(programs, cohorts, learners, enrollments, Write(observationHeader, assessmentRows), Write(observationHeader, resultRows));
    }

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
