using System.Globalization;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Domain.Identity;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Plans;
using TrainingEval.Domain.Profiles;
using static TrainingEval.Dashboard.Features.Import.ImportSchema;

namespace TrainingEval.Dashboard.Features.Import;

/// <summary>Counting what the staged changes do to rows that already existed.</summary>
internal static class ImportCounting
{
    public static (int Updated, int Unchanged) Count(TrainingDbContext db, IEnumerable<object> existing)
    {
        db.ChangeTracker.DetectChanges();
        var updated = 0;
        var unchanged = 0;
        foreach (var entity in existing)
        {
            if (db.Entry(entity).State == EntityState.Modified)
                updated++;
            else
                unchanged++;
        }
        return (updated, unchanged);
    }

    /// <summary>Records by their code, matched as spec section 9 says (ignoring case and surrounding spaces).</summary>
    public static Dictionary<string, T> ByCode<T>(IEnumerable<T> items, Func<T, string> code) =>
        items.ToDictionary(code, NaturalKey.Comparer);

    /// <summary>The natural keys of codes or employee numbers, for a batched lookup.</summary>
    public static List<string> Keys(IEnumerable<string> codes) => codes.Select(NaturalKey.Of).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>learners: employee_no*, name*, department, position, mentor_employee_no, email, hire_date.</summary>
internal sealed class LearnerImport : IImportKindHandler
{
    /// <summary>Where learners go whose file names no department (a learner must belong to one).</summary>
    public const string UnassignedCode = "UNASSIGNED";

    private sealed record Row(ImportCells Cells, string EmployeeNo, string Name, string? Department, string? Position, string? Mentor, string? Email, DateOnly? HireDate);

    public async Task<ImportOutcome> ApplyAsync(ImportContext import, CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        var seen = new Dictionary<string, int>(NaturalKey.Comparer);
        await foreach (var r in import.ReadRowsAsync(cancellationToken))
        {
            var c = import.Cells(r);
            var employeeNo = c.Text(EmployeeNo, Learner.EmployeeNumberMaxLength, required: true);
            var name = c.Text(Name, Bilingual.NameMaxLength, required: true);
            var department = c.Text(ImportSchema.Department, Bilingual.NameMaxLength);
            var position = c.Text(Position, Learner.PositionMaxLength);
            var mentor = c.Text(MentorEmployeeNo, Learner.EmployeeNumberMaxLength);
            var email = c.Text(Email, Learner.EmailMaxLength);
            if (email is not null && !(MailAddress.TryCreate(email, out var address) && address.Address == email))
            {
                c.Error(ImportSchema.Email, ImportMessages.BadEmail, email);
                email = null;
            }
            var hireDate = c.Date(HireDate);
            if (employeeNo is null || name is null || !ImportContext.FirstOccurrence(seen, employeeNo, c, EmployeeNo, ImportMessages.DuplicateLearner, employeeNo))
                continue;
            rows.Add(new Row(c, employeeNo, name, department, position, mentor, email, hireDate));
        }

        var db = import.Db;
        var numbers = ImportCounting.Keys(rows.Select(r => r.EmployeeNo));
        var mentorNumbers = ImportCounting.Keys(rows.Where(r => r.Mentor is not null).Select(r => r.Mentor!));
        var existing = ImportCounting.ByCode(await db.Learners.WhereInAsync(numbers, l => l.EmployeeNumberKey, cancellationToken), l => l.EmployeeNumber);
        var mentors = ImportCounting.ByCode(await db.Mentors.WhereInAsync(mentorNumbers, m => m.EmployeeNumberKey, cancellationToken), m => m.EmployeeNumber);
        var departments = new DepartmentResolver(await db.Departments.ToListAsync(cancellationToken), db);
        foreach (var row in rows.Where(r => r.Mentor is not null && !mentors.ContainsKey(r.Mentor)))
            row.Cells.Error(MentorEmployeeNo, ImportMessages.UnknownMentor, row.Mentor!);
        import.Checked();
        if (import.Errors.Count > 0)
            return ImportOutcome.Refused;

        var added = new List<Learner>();
        foreach (var row in rows)
        {
            var mentorId = row.Mentor is null ? null : (int?)mentors[row.Mentor].Id;
            if (existing.TryGetValue(row.EmployeeNo, out var learner))
            {
                // Empty optional cells leave what is stored: a file from another system rarely has every column.
                learner.Name = row.Name;
                if (row.Department is not null)
                    learner.Department = departments.Resolve(row.Department);
                if (row.Position is not null)
                    learner.Position = row.Position;
                if (mentorId is not null)
                    learner.MentorId = mentorId;
                if (row.Email is not null)
                    learner.Email = row.Email;
                if (row.HireDate is not null)
                    learner.HireDate = row.HireDate;
                continue;
            }
            added.Add(new Learner
            {
                EmployeeNumber = row.EmployeeNo,
                Name = row.Name,
                Department = departments.Resolve(row.Department),
                Position = row.Position ?? "",
                MentorId = mentorId,
                Email = row.Email,
                HireDate = row.HireDate,
            });
        }
        var (updated, unchanged) = ImportCounting.Count(db, existing.Values);
        // New departments and changed learners first (they are few), then the new learners in one prepared INSERT:
        // a company's 55,000 employees through change tracking would be most of the import's time.
        await db.SaveChangesAsync(cancellationToken);
        foreach (var learner in added)
        {
            learner.DepartmentId = learner.Department!.Id;
            learner.Department = null;
        }
        // One audit line for the new learners of the file (ImportWriting); changed learners are audited field by field.
        await ImportWriting.InsertAsync(import, added, "learners", cancellationToken);
        return new ImportOutcome(added.Count, updated, unchanged, new HashSet<int>());
    }

    /// <summary>
    /// A department named in a file: an existing one by code or name (either language), else a new one
    /// named as written (its code the name when it fits, otherwise a numbered code).
    /// </summary>
    private sealed class DepartmentResolver(List<Department> departments, TrainingDbContext db)
    {
        public Department Resolve(string? text)
        {
            if (text is null)
                return Find(UnassignedCode) ?? Add(UnassignedCode, "未分配", "Unassigned");
            return Find(text)
                ?? departments.FirstOrDefault(d => string.Equals(d.Name, text, StringComparison.OrdinalIgnoreCase) || string.Equals(d.NameEn, text, StringComparison.OrdinalIgnoreCase))
                ?? Add(NewCode(text), text, null);
        }

        private Department? Find(string code) => departments.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));

        private string NewCode(string name)
        {
            if (name.Length <= Infrastructure.Persistence.Entities.Department.CodeMaxLength && Find(name) is null)
                return name;
            for (var n = departments.Count + 1; ; n++)
            {
                var code = string.Create(CultureInfo.InvariantCulture, $"DEPT-{n}");
                if (Find(code) is null)
                    return code;
            }
        }

        private Department Add(string code, string name, string? nameEn)
        {
            var department = new Department { Code = code, Name = name, NameEn = nameEn };
            departments.Add(department);
            db.Departments.Add(department);
            return department;
        }
    }
}

/// <summary>programs: program_code*, name*, category, description, name_en. A new program starts with the default weight profile.</summary>
internal sealed class ProgramImport : IImportKindHandler
{
    private sealed record Row(string Code, string Name, string? Category, string? Description, string? NameEn);

    public async Task<ImportOutcome> ApplyAsync(ImportContext import, CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        var seen = new Dictionary<string, int>(NaturalKey.Comparer);
        await foreach (var r in import.ReadRowsAsync(cancellationToken))
        {
            var c = import.Cells(r);
            var code = c.Text(ProgramCode, TrainingProgram.CodeMaxLength, required: true);
            var name = c.Text(Name, Bilingual.NameMaxLength, required: true);
            var category = c.Text(Category, TrainingProgram.CategoryMaxLength);
            var description = c.Text(Description, Bilingual.TextMaxLength);
            var nameEn = c.Text(NameEn, Bilingual.NameMaxLength);
            if (code is null || name is null || !ImportContext.FirstOccurrence(seen, code, c, ProgramCode, ImportMessages.DuplicateProgram, code))
                continue;
            rows.Add(new Row(code, name, category, description, nameEn));
        }
        import.Checked();
        if (import.Errors.Count > 0)
            return ImportOutcome.Refused;

        var db = import.Db;
        var codes = ImportCounting.Keys(rows.Select(r => r.Code));
        var existing = ImportCounting.ByCode(await db.Programs.WhereInAsync(codes, p => p.CodeKey, cancellationToken), p => p.Code);
        var created = 0;
        foreach (var row in rows)
        {
            if (existing.TryGetValue(row.Code, out var program))
            {
                program.Name = row.Name;
                if (row.Category is not null)
                    program.Category = row.Category;
                if (row.Description is not null)
                    program.Description = row.Description;
                if (row.NameEn is not null)
                    program.NameEn = row.NameEn;
                continue;
            }
            program = new TrainingProgram { Code = row.Code, Name = row.Name, NameEn = row.NameEn, Category = row.Category, Description = row.Description, CurrentProfileVersion = 1 };
            // Scores need a profile: the default one until an analyst saves the program's own.
            var version = WeightProfile.Default.ToVersion(1, import.ImportedBy, import.Now, "Default profile, created with the program by an import");
            version.Program = program;
            db.Programs.Add(program);
            db.ProfileVersions.Add(version);
            db.AddAudit("WeightProfile", row.Code, AuditAction.Added, "Version", null, "1");
            created++;
        }
        var (updated, unchanged) = ImportCounting.Count(db, existing.Values);
        return new ImportOutcome(created, updated, unchanged, new HashSet<int>());
    }
}

/// <summary>
/// cohorts: cohort_code*, program_code*, name*, start_date*, end_date*, tracks — the evaluation plan: the record kinds the
/// cohort tracks (codes separated by ';'), <c>none</c>, or <c>default</c> for "the kinds that have records" (spec section 9);
/// name_en; mentors — the mentors serving the cohort (employee numbers separated by ';', the first the lead), or <c>none</c>.
/// </summary>
internal sealed class CohortImport : IImportKindHandler
{
    /// <summary>A <c>tracks</c> cell: keep the stored plan (empty cell), back to the default, or these kinds.</summary>
    private sealed record Plan(bool Reset, string? Stored);

    private sealed record Row(ImportCells Cells, string Code, string ProgramCode, string Name, DateOnly Start, DateOnly End, Plan? Tracks, string? NameEn, IReadOnlyList<string>? Mentors);

    /// <summary>A <c>mentors</c> cell: null when empty (keep the stored mentors), none for <c>none</c>, else the employee numbers in order.</summary>
    public static IReadOnlyList<string>? ParseMentors(string? text) =>
        text is null ? null
        : string.Equals(text, "none", StringComparison.OrdinalIgnoreCase) ? []
        : text.Split([';', ',', '|', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(NaturalKey.Comparer).ToList();

    /// <summary>The <c>tracks</c> cell as stored: null for "default", "" for "none", else the kinds' codes joined by ';'.</summary>
    public static bool TryParseTracks(string text, out string? stored)
    {
        stored = null;
        if (string.Equals(text, "default", StringComparison.OrdinalIgnoreCase))
            return true;
        if (string.Equals(text, "none", StringComparison.OrdinalIgnoreCase))
        {
            stored = "";
            return true;
        }
        var kinds = new HashSet<RecordKind>();
        foreach (var code in text.Split([';', ',', '|', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!EvaluationPlan.TryParse(code, out var kind))
                return false;
            kinds.Add(kind);
        }
        stored = new EvaluationPlan(kinds, IsExplicit: true).Format();
        return true;
    }

    public async Task<ImportOutcome> ApplyAsync(ImportContext import, CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        var seen = new Dictionary<string, int>(NaturalKey.Comparer);
        await foreach (var r in import.ReadRowsAsync(cancellationToken))
        {
            var c = import.Cells(r);
            var code = c.Text(CohortCode, Cohort.CodeMaxLength, required: true);
            var program = c.Text(ProgramCode, TrainingProgram.CodeMaxLength, required: true);
            var name = c.Text(Name, Bilingual.NameMaxLength, required: true);
            var start = c.Date(StartDate, required: true);
            var end = c.Date(EndDate, required: true);
            Plan? tracks = null;
            if (c.Raw(Tracks) is { } tracksText)
            {
                if (TryParseTracks(tracksText, out var stored))
                    tracks = new Plan(stored is null, stored);
                else
                    c.Error(Tracks, ImportMessages.BadTracks, string.Join(", ", EvaluationPlan.Kinds.Select(EvaluationPlan.Code)));
            }
            if (start is not null && end is not null && end < start)
            {
                c.Error(EndDate, ImportMessages.CohortEndsBeforeStart, end.Value.ToString(DateFormat, CultureInfo.InvariantCulture), start.Value.ToString(DateFormat, CultureInfo.InvariantCulture));
                continue;
            }
            var nameEn = c.Text(NameEn, Bilingual.NameMaxLength);
            var mentorList = ParseMentors(c.Raw(Mentors));
            if (code is null || program is null || name is null || start is null || end is null
                || (c.Raw(Tracks) is not null && tracks is null)
                || !ImportContext.FirstOccurrence(seen, code, c, CohortCode, ImportMessages.DuplicateCohort, code))
                continue;
            rows.Add(new Row(c, code, program, name, start.Value, end.Value, tracks, nameEn, mentorList));
        }

        var db = import.Db;
        var programCodes = ImportCounting.Keys(rows.Select(r => r.ProgramCode));
        var programs = ImportCounting.ByCode(await db.Programs.AsNoTracking().WhereInAsync(programCodes, p => p.CodeKey, cancellationToken), p => p.Code);
        var codes = ImportCounting.Keys(rows.Select(r => r.Code));
        var existing = ImportCounting.ByCode(await db.Cohorts.Include(c => c.Mentors).WhereInAsync(codes, c => c.CodeKey, cancellationToken), c => c.Code);
        var mentorNumbers = ImportCounting.Keys(rows.Where(r => r.Mentors is not null).SelectMany(r => r.Mentors!));
        var mentors = ImportCounting.ByCode(await db.Mentors.AsNoTracking().WhereInAsync(mentorNumbers, m => m.EmployeeNumberKey, cancellationToken), m => m.EmployeeNumber);
        foreach (var row in rows)
        {
            if (!programs.TryGetValue(row.ProgramCode, out var program))
                row.Cells.Error(ProgramCode, ImportMessages.UnknownProgram, row.ProgramCode);
            else if (existing.TryGetValue(row.Code, out var cohort) && cohort.ProgramId != program.Id)
                row.Cells.Error(ProgramCode, ImportMessages.CohortMovesProgram, row.Code);
            foreach (var mentor in (row.Mentors ?? []).Where(m => !mentors.ContainsKey(m)))
                row.Cells.Error(Mentors, ImportMessages.UnknownMentor, mentor);
        }
        import.Checked();
        if (import.Errors.Count > 0)
            return ImportOutcome.Refused;

        var created = 0;
        var recompute = new HashSet<int>();
        var mentorsChanged = new List<Cohort>();
        foreach (var row in rows)
        {
            if (existing.TryGetValue(row.Code, out var cohort))
            {
                // The dates decide which records count (e.g. the application window), so moved dates rescore.
                // So does a changed evaluation plan (which counted indicators have a source).
                var plan = row.Tracks is null ? cohort.TrackedKinds : row.Tracks.Stored;
                if (cohort.StartDate != row.Start || cohort.EndDate != row.End || plan != cohort.TrackedKinds)
                    recompute.Add(cohort.Id);
                cohort.Name = row.Name;
                cohort.NameEn = row.NameEn ?? cohort.NameEn;
                cohort.StartDate = row.Start;
                cohort.EndDate = row.End;
                cohort.TrackedKinds = plan;
                if (row.Mentors is not null && SetMentors(cohort, row.Mentors, mentors))
                    mentorsChanged.Add(cohort);
                continue;
            }
            var added = new Cohort
            {
                ProgramId = programs[row.ProgramCode].Id, Code = row.Code, Name = row.Name, NameEn = row.NameEn, StartDate = row.Start, EndDate = row.End, TrackedKinds = row.Tracks?.Stored,
            };
            SetMentors(added, row.Mentors ?? [], mentors);
            db.Cohorts.Add(added);
            created++;
        }
        var (updated, unchanged) = ImportCounting.Count(db, existing.Values);
        // A cohort whose only change is its mentors is updated too (the mentor rows are its own).
        var moved = mentorsChanged.Count(c => db.Entry(c).State == EntityState.Unchanged);
        (updated, unchanged) = (updated + moved, unchanged - moved);
        return new ImportOutcome(created, updated, unchanged, recompute);
    }

    /// <summary>Makes the cohort's mentors exactly <paramref name="numbers"/> (the first the lead); true when that changed them.</summary>
    private static bool SetMentors(Cohort cohort, IReadOnlyList<string> numbers, Dictionary<string, Mentor> mentors)
    {
        var wanted = numbers.Select((n, i) => (mentors[n].Id, IsLead: i == 0)).ToList();
        if (cohort.Mentors.Select(m => (m.MentorId, m.IsLead)).OrderBy(m => m.MentorId).SequenceEqual(wanted.OrderBy(m => m.Id)))
            return false;
        cohort.Mentors.RemoveAll(m => !wanted.Any(w => w.Id == m.MentorId));
        foreach (var (id, isLead) in wanted)
        {
            if (cohort.Mentors.FirstOrDefault(m => m.MentorId == id) is { } kept)
                kept.IsLead = isLead;
            else
                cohort.Mentors.Add(new CohortMentor { MentorId = id, IsLead = isLead });
        }
        return true;
    }
}

/// <summary>
/// enrollments: cohort_code*, employee_no*, status (enrolled | completed | withdrawn; default enrolled), enrolled_on (default
/// the cohort's start), withdrawn_on (the day of the withdrawal; implies withdrawn), mentor_employee_no (the mentor who rates the
/// learner in this cohort; default the learner's own mentor).
/// </summary>
internal sealed class EnrollmentImport : IImportKindHandler
{
    private sealed record Row(ImportCells Cells, string Cohort, string EmployeeNo, EnrollmentStatus Status, DateOnly? EnrolledOn, DateOnly? WithdrawnOn, string? Mentor);

    public static EnrollmentStatus? ParseStatus(string? text) => text?.ToLowerInvariant() switch
    {
        null or "enrolled" => EnrollmentStatus.Enrolled,
        "completed" => EnrollmentStatus.Completed,
        "withdrawn" => EnrollmentStatus.Withdrawn,
        _ => null,
    };

    public async Task<ImportOutcome> ApplyAsync(ImportContext import, CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        var seen = new Dictionary<(string, string), int>();
        await foreach (var r in import.ReadRowsAsync(cancellationToken))
        {
            var c = import.Cells(r);
            var cohort = c.Text(CohortCode, Cohort.CodeMaxLength, required: true);
            var employeeNo = c.Text(EmployeeNo, Learner.EmployeeNumberMaxLength, required: true);
            var enrolledOn = c.Date(EnrolledOn);
            var withdrawnOn = c.Date(WithdrawnOn);
            var mentor = c.Text(MentorEmployeeNo, Learner.EmployeeNumberMaxLength);
            // A withdrawal date says the learner withdrew; with another status it contradicts the row.
            var status = c.Raw(Status) is null && withdrawnOn is not null ? EnrollmentStatus.Withdrawn : ParseStatus(c.Raw(Status));
            if (status is null)
                c.Error(Status, ImportMessages.BadStatus);
            else if (withdrawnOn is not null && status != EnrollmentStatus.Withdrawn)
                c.Error(WithdrawnOn, ImportMessages.WithdrawnNeedsStatus, Cell.Of(withdrawnOn.Value));
            else if (withdrawnOn < enrolledOn)
                c.Error(WithdrawnOn, ImportMessages.WrongOrder, WithdrawnOn, Cell.Of(withdrawnOn.Value), EnrolledOn, Cell.Of(enrolledOn!.Value));
            if (cohort is null || employeeNo is null || status is null || c.Bad(EnrolledOn, enrolledOn) || c.Bad(WithdrawnOn, withdrawnOn)
                || (withdrawnOn is not null && (status != EnrollmentStatus.Withdrawn || withdrawnOn < enrolledOn))
                || !ImportContext.FirstOccurrence(seen, (NaturalKey.Of(cohort), NaturalKey.Of(employeeNo)), c, EmployeeNo, ImportMessages.DuplicateEnrollment, employeeNo, cohort))
                continue;
            rows.Add(new Row(c, cohort, employeeNo, status.Value, enrolledOn, withdrawnOn, mentor));
        }

        var db = import.Db;
        var cohortCodes = ImportCounting.Keys(rows.Select(r => r.Cohort));
        var numbers = ImportCounting.Keys(rows.Select(r => r.EmployeeNo));
        var cohorts = ImportCounting.ByCode(await db.Cohorts.AsNoTracking().WhereInAsync(cohortCodes, c => c.CodeKey, cancellationToken), c => c.Code);
        var learners = ImportCounting.ByCode(await db.Learners.AsNoTracking().WhereInAsync(numbers, l => l.EmployeeNumberKey, cancellationToken), l => l.EmployeeNumber);
        var mentorNumbers = ImportCounting.Keys(rows.Where(r => r.Mentor is not null).Select(r => r.Mentor!));
        var mentors = ImportCounting.ByCode(await db.Mentors.AsNoTracking().WhereInAsync(mentorNumbers, m => m.EmployeeNumberKey, cancellationToken), m => m.EmployeeNumber);
        foreach (var row in rows)
        {
            if (!cohorts.ContainsKey(row.Cohort))
                row.Cells.Error(CohortCode, ImportMessages.UnknownCohort, row.Cohort);
            if (!learners.ContainsKey(row.EmployeeNo))
                row.Cells.Error(EmployeeNo, ImportMessages.UnknownLearnerImportFirst, row.EmployeeNo);
            if (row.Mentor is not null && !mentors.ContainsKey(row.Mentor))
                row.Cells.Error(MentorEmployeeNo, ImportMessages.UnknownMentor, row.Mentor);
        }
        import.Checked();
        if (import.Errors.Count > 0)
            return ImportOutcome.Refused;

        var cohortIds = cohorts.Values.Select(c => c.Id).ToList();
        var existing = (await db.Enrollments.WhereInAsync(cohortIds, e => e.CohortId, cancellationToken))
            .ToDictionary(e => (e.CohortId, e.LearnerId));
        var added = new List<Enrollment>();
        var recompute = new HashSet<int>();
        var touched = new List<object>();
        foreach (var row in rows)
        {
            var cohort = cohorts[row.Cohort];
            var learner = learners[row.EmployeeNo];
            var mentorId = row.Mentor is null ? null : (int?)mentors[row.Mentor].Id;
            if (existing.TryGetValue((cohort.Id, learner.Id), out var enrollment))
            {
                touched.Add(enrollment);
                // Who rates the learner changes no score; an empty cell keeps the mentor.
                enrollment.MentorId = mentorId ?? enrollment.MentorId;
                if (enrollment.Status != row.Status || (row.WithdrawnOn is { } w && w != enrollment.WithdrawnOn) || (row.EnrolledOn is { } e && e != enrollment.EnrolledOn))
                {
                    enrollment.EnrolledOn = row.EnrolledOn ?? enrollment.EnrolledOn;
                    if (enrollment.Status != row.Status || row.WithdrawnOn is not null)
                        SetStatus(enrollment, row.Status, cohort, import.Today, row.WithdrawnOn);
                    recompute.Add(cohort.Id);
                }
                continue;
            }
            enrollment = new Enrollment { CohortId = cohort.Id, LearnerId = learner.Id, MentorId = mentorId ?? learner.MentorId, EnrolledOn = row.EnrolledOn ?? cohort.StartDate };
            SetStatus(enrollment, row.Status, cohort, import.Today, row.WithdrawnOn);
            added.Add(enrollment);
            recompute.Add(cohort.Id);
        }
        var (updated, unchanged) = ImportCounting.Count(db, touched);
        // New enrolments in one prepared INSERT with one audit line for the file (an OULAD run enrols 32,000 at once);
        // a withdrawal or another change of an existing one is audited field by field.
        var created = await ImportWriting.InsertAsync(import, added, "enrollments", cancellationToken);
        // Who is active in which weeks is the health index's business too.
        return new ImportOutcome(created, updated, unchanged, recompute, recompute);
    }

    private static void SetStatus(Enrollment enrollment, EnrollmentStatus status, Cohort cohort, DateOnly today, DateOnly? withdrawnOn)
    {
        enrollment.Status = status;
        enrollment.CompletedOn = status == EnrollmentStatus.Completed ? cohort.EndDate : null;
        // Without withdrawn_on the file says only that the learner withdrew, not when: the import day, or the cohort's end if it is over.
        enrollment.WithdrawnOn = status == EnrollmentStatus.Withdrawn ? withdrawnOn ?? (today < cohort.EndDate ? today : cohort.EndDate) : null;
    }
}

/// <summary>
/// observations: cohort_code*, employee_no*, indicator*, value*, baseline, target, measure, observed_on —
/// stored observations keyed by (cohort, employee, indicator, measure, observed_on), checked against the
/// indicator's normalisation in the cohort's weight profile (spec section 2). Rows are kept as compact typed
/// records (codes pooled, no cell text), so a 500,000-row file stays small in memory.
/// </summary>
internal sealed class ObservationImport : IImportKindHandler
{
    private sealed record Row(int Number, string Cohort, string EmployeeNo, string Indicator, double Value, double? Baseline, double? Target, string Measure, DateOnly? ObservedOn);

    private readonly record struct Key(int EnrollmentId, string Indicator, string Measure, DateOnly? ObservedOn);

    public async Task<ImportOutcome> ApplyAsync(ImportContext import, CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        await foreach (var r in import.ReadRowsAsync(cancellationToken))
        {
            var c = import.Cells(r);
            var cohort = c.Text(CohortCode, Cohort.CodeMaxLength, required: true);
            var employeeNo = c.Text(EmployeeNo, Learner.EmployeeNumberMaxLength, required: true);
            var indicator = c.Text(Indicator, IndicatorDefinition.CodeMaxLength, required: true);
            var value = c.Number(Value, required: true);
            var baseline = c.Number(Baseline);
            var target = c.Number(Target);
            var measure = c.Text(Measure, StoredObservation.MeasureMaxLength);
            var observedOn = c.Date(ObservedOn);
            var bad = (c.Raw(Baseline) is not null && baseline is null) || (c.Raw(Target) is not null && target is null)
                || (c.Raw(Measure) is not null && measure is null) || (c.Raw(ObservedOn) is not null && observedOn is null);
            if (cohort is null || employeeNo is null || indicator is null || value is null || bad)
                continue;
            rows.Add(new Row(r.Number, import.Pool(cohort), import.Pool(employeeNo), import.Pool(indicator), value.Value, baseline, target, import.Pool(measure ?? ""), observedOn));
        }

        var db = import.Db;
        var cohortCodes = ImportCounting.Keys(rows.Select(r => r.Cohort));
        var cohorts = ImportCounting.ByCode(await db.Cohorts.AsNoTracking().WhereInAsync(cohortCodes, c => c.CodeKey, cancellationToken), c => c.Code);
        var cohortIds = cohorts.Values.Select(c => c.Id).ToList();
        var enrollments = (await db.Enrollments.AsNoTracking().Select(e => new { e.Id, e.CohortId, e.Learner!.EmployeeNumberKey })
                .WhereInAsync(cohortIds, e => e.CohortId, cancellationToken))
            .ToDictionary(e => (e.CohortId, e.EmployeeNumberKey), e => e.Id);
        var profiles = await ProfilesAsync(db, cohorts.Values, cancellationToken);
        var unknownEmployees = await UnknownEmployeesAsync(db, rows, enrollments.Keys.Select(k => k.Item2), cancellationToken);

        var valid = new List<(Row Row, Key Key, int CohortId)>(rows.Count);
        var seen = new Dictionary<Key, int>();
        foreach (var row in rows)
        {
            if (!cohorts.TryGetValue(row.Cohort, out var cohort))
            {
                import.Error(row.Number, CohortCode, row.Cohort, ImportMessages.UnknownCohort, row.Cohort);
                continue;
            }
            if (!enrollments.TryGetValue((cohort.Id, NaturalKey.Of(row.EmployeeNo)), out var enrollmentId))
            {
                if (unknownEmployees.Contains(row.EmployeeNo))
                    import.Error(row.Number, EmployeeNo, row.EmployeeNo, ImportMessages.UnknownLearner, row.EmployeeNo);
                else
                    import.Error(row.Number, EmployeeNo, row.EmployeeNo, ImportMessages.NotEnrolled, row.EmployeeNo, cohort.Code);
                continue;
            }
            if (profiles.GetValueOrDefault(cohort.Id)?.Find(row.Indicator) is not { } indicator)
            {
                import.Error(row.Number, Indicator, row.Indicator, ImportMessages.UnknownIndicator, cohort.Code, row.Indicator);
                continue;
            }
            if (Normalizer.Check(indicator, new RawValue(row.Value, row.Baseline, row.Target)) is { } problem)
            {
                var column = problem.Part switch { RawValuePart.Baseline => Baseline, RawValuePart.Target => Target, _ => Value };
                var text = problem.Part switch { RawValuePart.Baseline => row.Baseline, RawValuePart.Target => row.Target, _ => (double?)row.Value };
                var cell = text?.ToString("R", CultureInfo.InvariantCulture);
                var normalization = indicator.Normalization.ToCode();
                if (problem.Value is not { } bad)
                    import.Error(row.Number, column, cell, ImportMessages.RawMissing, row.EmployeeNo, indicator.Code, normalization, column, problem.AllowedRange);
                else if (problem.Part == RawValuePart.Target)
                    import.Error(row.Number, column, cell, ImportMessages.RawTargetNotAllowed, row.EmployeeNo, indicator.Code, normalization, bad.ToString("0.####", CultureInfo.InvariantCulture), problem.AllowedRange);
                else
                    import.Error(row.Number, column, cell, ImportMessages.RawOutOfRange, row.EmployeeNo, indicator.Code, normalization, column, bad.ToString("0.####", CultureInfo.InvariantCulture), problem.AllowedRange);
                continue;
            }
            var key = new Key(enrollmentId, indicator.Code, NaturalKey.Of(row.Measure), row.ObservedOn);
            var first = row.ObservedOn is { } day
                ? import.FirstOccurrence(seen, key, row.Number, Indicator, row.Indicator, ImportMessages.DuplicateObservation,
                    cohort.Code, row.EmployeeNo, indicator.Code, row.Measure, day.ToString(DateFormat, CultureInfo.InvariantCulture))
                : import.FirstOccurrence(seen, key, row.Number, Indicator, row.Indicator, ImportMessages.DuplicateObservationNoDate,
                    cohort.Code, row.EmployeeNo, indicator.Code, row.Measure);
            if (first)
                valid.Add((row, key, cohort.Id));
        }
        import.Checked();
        if (import.Errors.Count > 0)
            return ImportOutcome.Refused;

        // The stored values of these cohorts, untracked: compared in memory, and only the changed ones attached.
        var existing = new Dictionary<Key, StoredObservation>();
        foreach (var o in await db.StoredObservations.AsNoTracking().WhereInAsync(cohortIds, o => o.Enrollment!.CohortId, cancellationToken))
            existing.TryAdd(new Key(o.EnrollmentId, o.IndicatorCode, NaturalKey.Of(o.Measure), o.ObservedOn), o);
        var recompute = new HashSet<int>();
        var added = new List<StoredObservation>();
        int updated = 0, unchanged = 0;
        foreach (var (row, key, cohortId) in valid)
        {
            if (existing.TryGetValue(key, out var stored))
            {
                if (stored.Value == row.Value && stored.Baseline == row.Baseline && stored.Target == row.Target)
                {
                    unchanged++;
                    continue;
                }
                // Attached as stored, then changed: the context audits old -> new of each changed field.
                db.StoredObservations.Attach(stored);
                stored.Value = row.Value;
                stored.Baseline = row.Baseline;
                stored.Target = row.Target;
                stored.Source = import.Source;
                stored.RecordedAt = import.Now;
                updated++;
                recompute.Add(cohortId);
                continue;
            }
            added.Add(new StoredObservation
            {
                EnrollmentId = key.EnrollmentId,
                IndicatorCode = key.Indicator,
                Measure = row.Measure,
                ObservedOn = key.ObservedOn,
                Value = row.Value,
                Baseline = row.Baseline,
                Target = row.Target,
                Source = import.Source,
                RecordedAt = import.Now,
            });
            recompute.Add(cohortId);
        }
        // New observations are the bulk of a large import (OULAD: 36k rows): one prepared INSERT instead of
        // change tracking, and one audit line for the file instead of one snapshot per row, as the demo seeder
        // does. Changed observations still go through SaveChanges with their own audit lines (old -> new value).
        await BulkInsert.InsertAsync(db, added, withKeys: false, written => import.Report(ImportPhase.Writing, written), cancellationToken);
        if (added.Count > 0)
            db.AddAudit(nameof(StoredObservation), import.Source.Length <= AuditEntry.EntityKeyMaxLength ? import.Source : import.Source[..AuditEntry.EntityKeyMaxLength], AuditAction.Added, null, null,
                string.Create(CultureInfo.InvariantCulture, $"{added.Count} observations imported"));
        return new ImportOutcome(added.Count, updated, unchanged, recompute);
    }

    /// <summary>Each cohort's scoring profile (<see cref="ProfileResolver"/>).</summary>
    private static async Task<Dictionary<int, WeightProfile>> ProfilesAsync(TrainingDbContext db, IEnumerable<Cohort> cohorts, CancellationToken cancellationToken)
    {
        var profiles = new Dictionary<int, WeightProfile>();
        foreach (var cohort in cohorts)
        {
            var version = await ProfileResolver.ResolveAsync(db, cohort.ProgramId, cohort.ProfileVersionId, cancellationToken);
            if (version is not null)
                profiles[cohort.Id] = version.ToDomain();
        }
        return profiles;
    }

    private static async Task<HashSet<string>> UnknownEmployeesAsync(TrainingDbContext db, List<Row> rows, IEnumerable<string> enrolled, CancellationToken cancellationToken)
    {
        var known = enrolled.ToHashSet(StringComparer.Ordinal);
        var candidates = ImportCounting.Keys(rows.Select(r => r.EmployeeNo)).Where(n => !known.Contains(n)).ToList();
        if (candidates.Count == 0)
            return new HashSet<string>(NaturalKey.Comparer);
        var existing = await db.Learners.Select(l => l.EmployeeNumberKey).WhereInAsync(candidates, k => k, cancellationToken);
        return candidates.Except(existing, StringComparer.Ordinal).ToHashSet(NaturalKey.Comparer);
    }
}
