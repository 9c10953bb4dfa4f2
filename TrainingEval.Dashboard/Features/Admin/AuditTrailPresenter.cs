using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Shared;

namespace TrainingEval.Dashboard.Features.Admin;

/// <summary>One changed field of an audit line, as a reader reads it: the field's name and the values with ids resolved.</summary>
public sealed record AuditChange(string Field, string? Old, string? New);

/// <summary>An audit line as the page and its export show it.</summary>
public sealed record AuditTrailLine(long Id, string When, string Actor, string Action, string Entity, string Subject, IReadOnlyList<AuditChange> Changes)
{
    /// <summary>The changes in one text, e.g. "Score: 3 → 4; Comment: — → 很好" (the export's cell).</summary>
    public string ChangesText => string.Join("; ", Changes.Select(c => c.Old is null ? $"{c.Field}: {c.New ?? ScoreFormat.Missing}"
        : c.New is null ? $"{c.Field}: {c.Old}" : $"{c.Field}: {c.Old} → {c.New}"));
}

/// <summary>
/// Turns stored audit rows (entity type names, database ids, JSON snapshots, UTC) into what an HR analyst reads:
/// the entity and field names in the reader's language, learners by name and employee number, cohorts and
/// programs by code, and local time with its zone. The stored rows stay as written — this is only the reading.
/// </summary>
public sealed class AuditTrailPresenter(IDbContextFactory<TrainingDbContext> factory, IStringLocalizer<AuditTrailPage> text, LocalTime time)
{
    // Snapshot fields that say nothing to a reader (keys are in the subject, hashes are secrets' shadows).
    // CodeKey is the code upper-cased for matching (NaturalKey): the code itself is shown.
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal) { "Revision", "KeyHash", "CodeKey" };

    // What a row is, first: its kind, the value it records, then everything else in name order.
    private static readonly string[] First = ["Type", "Dimension", "Score", "Value", "Detail", "Decision", "Status", "Comment", "Name", "Code"];

    private static int Rank(string field) => Array.IndexOf(First, field) is var i and >= 0 ? i : First.Length;

    public async Task<IReadOnlyList<AuditTrailLine>> PresentAsync(IReadOnlyList<AuditTrailRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var parsed = rows.Select(r => (Row: r, Old: Snapshot(r.OldValue), New: Snapshot(r.NewValue))).ToList();
        var names = await NamesAsync(parsed.SelectMany(p => Ids(p.Row, p.Old, p.New)), cancellationToken);
        return [.. parsed.Select(p =>
        {
            var subject = Subject(p.Row, p.Old ?? p.New, names);
            return new AuditTrailLine(
                p.Row.Id,
                time.Format(p.Row.At),
                p.Row.Actor,
                text[$"Action_{p.Row.Action}"],
                Label("Entity_", p.Row.EntityType),
                subject,
                Changes(p.Row, p.Old, p.New, names, subject));
        })];
    }

    private static string Subject(AuditTrailRow row, IReadOnlyDictionary<string, string?>? snapshot, Names names)
    {
        // The row itself when it is a record people name (a cohort by its code, an account by its user name) …
        var own = row.EntityType switch
        {
            _ when OwnIdField(row.EntityType) is { } field => names.Of(field, row.EntityKey),
            "UserAccount" or "WeightProfile" or "api" or "DemoCompany" => row.EntityKey,
            _ => null,
        };
        if (own is not null)
            return own;
        // … else who it is about: the learner of its enrolment, the learner, the cohort, the program.
        foreach (var key in (string[])["EnrollmentId", "LearnerId", "CohortId", "ProgramId"])
        {
            if (snapshot?.GetValueOrDefault(key) is { } id && names.Of(key, id) is { } name)
                return name;
        }
        if (names.OfRow(row.EntityType, row.EntityKey) is { } fromRow)
            return fromRow;
        return $"#{row.EntityKey}";
    }

    private IReadOnlyList<AuditChange> Changes(AuditTrailRow row, IReadOnlyDictionary<string, string?>? old, IReadOnlyDictionary<string, string?>? @new, Names names, string subject)
    {
        if (old is not null || @new is not null)
        {
            // A whole row added or deleted: its fields, ids resolved, empty ones and the subject's own left out.
            var snapshot = (old ?? @new)!;
            return [.. snapshot.Where(f => f.Value is not null && !Hidden.Contains(f.Key))
                .OrderBy(f => Rank(f.Key)).ThenBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => (f.Key, Value: Value(f.Key, f.Value, names)))
                .Where(f => f.Value != subject)
                .Select(f => old is null
                    ? new AuditChange(Label("Field_", f.Key), null, f.Value)
                    : new AuditChange(Label("Field_", f.Key), f.Value, null))];
        }
        if (row.Property is null)
            return row.NewValue is null && row.OldValue is null ? [] : [new AuditChange(text["Field_Summary"], row.OldValue, row.NewValue)];
        return [new AuditChange(Label("Field_", row.Property), Value(row.Property, row.OldValue, names) ?? ScoreFormat.Missing, Value(row.Property, row.NewValue, names) ?? ScoreFormat.Missing)];
    }

    // Fields that hold one of the app's own words (an enum or a role), worded in the reader's language.
    private static readonly HashSet<string> Worded = new(StringComparer.Ordinal) { "Type", "Status", "Decision", "Role", "Roles", "IsKeyEvent", "Kind", "Difficulty" };

    // Ids become names; the app's own words are translated; stored instants (round-trip UTC text) become local time.
    private string? Value(string field, string? value, Names names) =>
        value is null ? null
        : names.Of(field, value) is { } name ? name
        : Worded.Contains(field) && text[$"Value_{value}"] is { ResourceNotFound: false } word ? word.Value
        : value.Length >= 19 && value[4] == '-' && value[10] == 'T'
          && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var instant)
            ? time.Format(instant)
            : value;

    /// <summary>A record type in the reader's language (the filter menu's items).</summary>
    public string EntityLabel(string entityType) => Label("Entity_", entityType);

    private string Label(string prefix, string name)
    {
        var label = text[prefix + name];
        return label.ResourceNotFound ? Words(name) : label.Value;
    }

    /// <summary>"PracticalScore" → "Practical score": a readable fallback for a field without a translation.</summary>
    internal static string Words(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
                builder.Append(' ').Append(char.ToLowerInvariant(name[i]));
            else
                builder.Append(name[i]);
        }
        return builder.ToString();
    }

    private static Dictionary<string, string?>? Snapshot(string? json)
    {
        if (json is null || !json.StartsWith('{'))
            return null;
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string?>>(json);
        }
        catch (JsonException)
        {
            return null; // Not a row snapshot (a free-text summary line): shown as written.
        }
    }

    /// <summary>The id field whose name a row of this type is (a cohort's row is the cohort), or null.</summary>
    private static string? OwnIdField(string entityType) => entityType switch
    {
        nameof(Cohort) => "CohortId",
        nameof(Learner) => "LearnerId",
        nameof(Mentor) => "MentorId",
        nameof(Department) => "DepartmentId",
        nameof(TrainingProgram) => "ProgramId",
        nameof(Enrollment) => "EnrollmentId",
        _ => null,
    };

    private static IEnumerable<(string Field, string Id)> Ids(AuditTrailRow row, IReadOnlyDictionary<string, string?>? old, IReadOnlyDictionary<string, string?>? @new)
    {
        foreach (var snapshot in new[] { old, @new })
        {
            if (snapshot is null)
                continue;
            foreach (var (key, value) in snapshot)
            {
                if (value is not null && Names.Resolvable.Contains(key))
                    yield return (key, value);
            }
        }
        if (row.Property is { } property && Names.Resolvable.Contains(property))
        {
            if (row.OldValue is { } o)
                yield return (property, o);
            if (row.NewValue is { } n)
                yield return (property, n);
        }
        if (OwnIdField(row.EntityType) is { } own)
            yield return (own, row.EntityKey);
        if (Names.RowTypes.Contains(row.EntityType))
            yield return (row.EntityType, row.EntityKey);
    }

    private async Task<Names> NamesAsync(IEnumerable<(string Field, string Id)> wanted, CancellationToken cancellationToken)
    {
        var byField = wanted.GroupBy(w => w.Field)
            .ToDictionary(g => g.Key, g => g.Select(w => int.TryParse(w.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null)
                .OfType<int>().Distinct().ToArray());
        int[] Of(string field) => byField.GetValueOrDefault(field) ?? [];
        var names = new Names();
        if (byField.Count == 0)
            return names;

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var learnerIds = Of("LearnerId");
        foreach (var l in await db.Learners.AsNoTracking().Where(l => learnerIds.Contains(l.Id)).Select(l => new { l.Id, l.Name, l.NameEn, l.EmployeeNumber }).ToListAsync(cancellationToken))
            names.Add("LearnerId", l.Id, $"{Bilingual.Pick(l.Name, l.NameEn)} ({l.EmployeeNumber})");
        var enrollmentIds = Of("EnrollmentId");
        foreach (var e in await db.Enrollments.AsNoTracking().Where(e => enrollmentIds.Contains(e.Id))
                     .Select(e => new { e.Id, e.Learner!.Name, e.Learner.NameEn, e.Learner.EmployeeNumber, Cohort = e.Cohort!.Code }).ToListAsync(cancellationToken))
            names.Add("EnrollmentId", e.Id, $"{Bilingual.Pick(e.Name, e.NameEn)} ({e.EmployeeNumber}) · {e.Cohort}");
        var mentorIds = Of("MentorId");
        foreach (var m in await db.Mentors.AsNoTracking().Where(m => mentorIds.Contains(m.Id)).Select(m => new { m.Id, m.Name, m.NameEn }).ToListAsync(cancellationToken))
            names.Add("MentorId", m.Id, Bilingual.Pick(m.Name, m.NameEn));
        var cohortIds = Of("CohortId");
        foreach (var c in await db.Cohorts.AsNoTracking().Where(c => cohortIds.Contains(c.Id)).Select(c => new { c.Id, c.Code }).ToListAsync(cancellationToken))
            names.Add("CohortId", c.Id, c.Code);
        var programIds = Of("ProgramId");
        foreach (var p in await db.Programs.AsNoTracking().Where(p => programIds.Contains(p.Id)).Select(p => new { p.Id, p.Code }).ToListAsync(cancellationToken))
            names.Add("ProgramId", p.Id, p.Code);
        var departmentIds = Of("DepartmentId");
        foreach (var d in await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).Select(d => new { d.Id, d.Name, d.NameEn }).ToListAsync(cancellationToken))
            names.Add("DepartmentId", d.Id, Bilingual.Pick(d.Name, d.NameEn));
        var versionIds = Of("ProfileVersionId");
        foreach (var v in await db.ProfileVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).Select(v => new { v.Id, v.Version }).ToListAsync(cancellationToken))
            names.Add("ProfileVersionId", v.Id, string.Create(CultureInfo.InvariantCulture, $"v{v.Version}"));
        var assessmentIds = Of("AssessmentId");
        foreach (var a in await db.Assessments.AsNoTracking().Where(a => assessmentIds.Contains(a.Id)).Select(a => new { a.Id, a.Name, a.NameEn }).ToListAsync(cancellationToken))
            names.Add("AssessmentId", a.Id, Bilingual.Pick(a.Name, a.NameEn));
        var assignmentIds = Of("AssignmentId");
        foreach (var a in await db.Assignments.AsNoTracking().Where(a => assignmentIds.Contains(a.Id)).Select(a => new { a.Id, a.Name, a.NameEn }).ToListAsync(cancellationToken))
            names.Add("AssignmentId", a.Id, Bilingual.Pick(a.Name, a.NameEn));
        var sessionIds = Of("SessionId");
        foreach (var s in await db.Sessions.AsNoTracking().Where(s => sessionIds.Contains(s.Id)).Select(s => new { s.Id, s.Name, s.NameEn }).ToListAsync(cancellationToken))
            names.Add("SessionId", s.Id, Bilingual.Pick(s.Name, s.NameEn));
        var surveyIds = Of("SurveyId");
        foreach (var s in await db.Surveys.AsNoTracking().Where(s => surveyIds.Contains(s.Id)).Select(s => new { s.Id, s.Name, s.NameEn }).ToListAsync(cancellationToken))
            names.Add("SurveyId", s.Id, Bilingual.Pick(s.Name, s.NameEn));
        var kpiIds = Of("KpiId");
        foreach (var k in await db.Kpis.AsNoTracking().Where(k => kpiIds.Contains(k.Id)).Select(k => new { k.Id, k.Code }).ToListAsync(cancellationToken))
            names.Add("KpiId", k.Id, k.Code);

        // Rows changed field by field carry no snapshot: who they are about comes from the row itself.
        var ratingIds = Of(nameof(MentorRating));
        foreach (var r in await db.MentorRatings.AsNoTracking().Where(r => ratingIds.Contains(r.Id))
                     .Select(r => new { r.Id, r.Enrollment!.Learner!.Name, r.Enrollment.Learner.NameEn, r.Enrollment.Learner.EmployeeNumber, Cohort = r.Enrollment.Cohort!.Code }).ToListAsync(cancellationToken))
            names.AddRow(nameof(MentorRating), r.Id, $"{Bilingual.Pick(r.Name, r.NameEn)} ({r.EmployeeNumber}) · {r.Cohort}");
        var alertIds = Of(nameof(Alert));
        foreach (var a in await db.Alerts.AsNoTracking().Where(a => alertIds.Contains(a.Id))
                     .Select(a => new { a.Id, a.Learner!.Name, a.Learner.NameEn, a.Learner.EmployeeNumber }).ToListAsync(cancellationToken))
            names.AddRow(nameof(Alert), a.Id, $"{Bilingual.Pick(a.Name, a.NameEn)} ({a.EmployeeNumber})");
        var assumptionIds = Of(nameof(RoiAssumption));
        foreach (var a in await db.RoiAssumptions.AsNoTracking().Where(a => assumptionIds.Contains(a.Id))
                     .Select(a => new { a.Id, Cohort = a.Cohort!.Code, Kpi = a.Kpi!.Code }).ToListAsync(cancellationToken))
            names.AddRow(nameof(RoiAssumption), a.Id, $"{a.Cohort} · {a.Kpi}");
        var decisionIds = Of(nameof(PromotionDecision));
        foreach (var d in await db.PromotionDecisions.AsNoTracking().Where(d => decisionIds.Contains(d.Id))
                     .Select(d => new { d.Id, d.Learner!.Name, d.Learner.NameEn, d.Learner.EmployeeNumber, Cohort = d.Cohort!.Code }).ToListAsync(cancellationToken))
            names.AddRow(nameof(PromotionDecision), d.Id, $"{Bilingual.Pick(d.Name, d.NameEn)} ({d.EmployeeNumber}) · {d.Cohort}");
        return names;
    }

    /// <summary>Names of the ids a page of audit lines mentions, by the field that holds them.</summary>
    private sealed class Names
    {
        public static readonly HashSet<string> Resolvable = new(StringComparer.Ordinal)
        {
            "LearnerId", "EnrollmentId", "MentorId", "CohortId", "ProgramId", "DepartmentId", "ProfileVersionId",
            "AssessmentId", "AssignmentId", "SessionId", "SurveyId", "KpiId",
        };

        public static readonly HashSet<string> RowTypes = new(StringComparer.Ordinal)
        {
            nameof(MentorRating), nameof(Alert), nameof(RoiAssumption), nameof(PromotionDecision),
        };

        private readonly Dictionary<(string, int), string> _names = [];

        public void Add(string field, int id, string name) => _names[(field, id)] = name;

        public void AddRow(string entityType, int id, string name) => _names[(entityType, id)] = name;

        public string? Of(string field, string id) =>
            int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var key) ? _names.GetValueOrDefault((field, key)) : null;

        public string? OfRow(string entityType, string id) => Of(entityType, id);
    }
}
