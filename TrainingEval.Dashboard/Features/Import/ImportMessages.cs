using System.Globalization;
using System.Resources;

namespace TrainingEval.Dashboard.Features.Import;

/// <summary>
/// The reasons an import refuses a file or a row, as resource keys with arguments: the import page shows
/// them in the user's language (<c>IStringLocalizer&lt;ImportMessages&gt;</c>, .resx files beside this class), the REST
/// API and logs in English (the neutral resources), so one catalogue serves both.
/// </summary>
public sealed class ImportMessages
{
    private static readonly ResourceManager Resources = new(typeof(ImportMessages).FullName!, typeof(ImportMessages).Assembly);

    public const string MissingColumn = nameof(MissingColumn);
    public const string Required = nameof(Required);
    public const string TooLong = nameof(TooLong);
    public const string BadDate = nameof(BadDate);
    public const string BadNumber = nameof(BadNumber);
    public const string BadNumberSeparator = nameof(BadNumberSeparator);
    public const string BadEmail = nameof(BadEmail);
    public const string UnknownMentor = nameof(UnknownMentor);
    public const string DuplicateLearner = nameof(DuplicateLearner);
    public const string DuplicateProgram = nameof(DuplicateProgram);
    public const string DuplicateCohort = nameof(DuplicateCohort);
    public const string DuplicateEnrollment = nameof(DuplicateEnrollment);
    public const string DuplicateObservation = nameof(DuplicateObservation);
    public const string DuplicateObservationNoDate = nameof(DuplicateObservationNoDate);
    public const string CohortEndsBeforeStart = nameof(CohortEndsBeforeStart);
    public const string UnknownProgram = nameof(UnknownProgram);
    public const string CohortMovesProgram = nameof(CohortMovesProgram);
    public const string BadStatus = nameof(BadStatus);
    public const string UnknownCohort = nameof(UnknownCohort);
    public const string UnknownLearnerImportFirst = nameof(UnknownLearnerImportFirst);
    public const string UnknownLearner = nameof(UnknownLearner);
    public const string NotEnrolled = nameof(NotEnrolled);
    public const string UnknownIndicator = nameof(UnknownIndicator);
    public const string RawMissing = nameof(RawMissing);
    public const string RawTargetNotAllowed = nameof(RawTargetNotAllowed);
    public const string RawOutOfRange = nameof(RawOutOfRange);
    public const string DatabaseRefused = nameof(DatabaseRefused);
    public const string FileEmpty = nameof(FileEmpty);
    public const string FileTooLarge = nameof(FileTooLarge);
    public const string FileNotUtf8 = nameof(FileNotUtf8);
    public const string FileBadCsv = nameof(FileBadCsv);
    public const string FileUnclosedQuote = nameof(FileUnclosedQuote);
    public const string FileStrayQuote = nameof(FileStrayQuote);
    public const string FileNotXlsx = nameof(FileNotXlsx);
    public const string FileTooManyRows = nameof(FileTooManyRows);
    public const string FileCellTooLong = nameof(FileCellTooLong);
    public const string XlsxTooLarge = nameof(XlsxTooLarge);
    public const string XlsxTextTooLong = nameof(XlsxTextTooLong);
    public const string WrongKind = nameof(WrongKind);
    public const string BadTracks = nameof(BadTracks);
    public const string SurveyDate = nameof(SurveyDate);
    public const string WithdrawnNeedsStatus = nameof(WithdrawnNeedsStatus);
    public const string BadTime = nameof(BadTime);
    public const string BadDateTime = nameof(BadDateTime);
    public const string NotWhole = nameof(NotWhole);
    public const string BadFlag = nameof(BadFlag);
    public const string BadChoice = nameof(BadChoice);
    public const string WrongOrder = nameof(WrongOrder);
    public const string OutsideCohort = nameof(OutsideCohort);
    public const string DuplicateRow = nameof(DuplicateRow);
    public const string OutOfRange = nameof(OutOfRange);
    public const string LearnerOutOfRange = nameof(LearnerOutOfRange);
    public const string UnknownSession = nameof(UnknownSession);
    public const string AmbiguousSession = nameof(AmbiguousSession);
    public const string UnknownAssignment = nameof(UnknownAssignment);
    public const string UnknownAssessment = nameof(UnknownAssessment);
    public const string NoPracticalPart = nameof(NoPracticalPart);
    public const string TheoryPartFirst = nameof(TheoryPartFirst);
    public const string PartsDisagree = nameof(PartsDisagree);
    public const string PracticalNeedsTheory = nameof(PracticalNeedsTheory);
    public const string ScoreAboveMax = nameof(ScoreAboveMax);
    public const string UnknownSurvey = nameof(UnknownSurvey);
    public const string NoSuchItem = nameof(NoSuchItem);
    public const string UnknownKpi = nameof(UnknownKpi);
    public const string UnknownTeam = nameof(UnknownTeam);
    public const string EmployeeOrTeam = nameof(EmployeeOrTeam);
    public const string ProgramOrCohort = nameof(ProgramOrCohort);
    public const string CohortNotInProgram = nameof(CohortNotInProgram);
    public const string WrongCurrency = nameof(WrongCurrency);
    public const string TargetEqualsBaseline = nameof(TargetEqualsBaseline);
    public const string UnknownDimension = nameof(UnknownDimension);
    public const string RatingHistoryOrder = nameof(RatingHistoryOrder);
    public const string RatingConflict = nameof(RatingConflict);
    public const string TimingNeedsCohort = nameof(TimingNeedsCohort);
    public const string ReviewTimingDate = nameof(ReviewTimingDate);
    public const string SubmittedBeforeSet = nameof(SubmittedBeforeSet);
    public const string ResultBeforeHeld = nameof(ResultBeforeHeld);
    public const string ProgramExists = nameof(ProgramExists);
    public const string CohortExists = nameof(CohortExists);
    public const string AlreadyEnrolled = nameof(AlreadyEnrolled);
    public const string NotEnrolledHere = nameof(NotEnrolledHere);
    public const string AlreadyWithdrawn = nameof(AlreadyWithdrawn);
    public const string CohortHasEnrolments = nameof(CohortHasEnrolments);
    public const string KpiExists = nameof(KpiExists);
    public const string KpiHasMeasurements = nameof(KpiHasMeasurements);
    public const string KpiGone = nameof(KpiGone);
    public const string CostItemGone = nameof(CostItemGone);
    public const string MentorExists = nameof(MentorExists);
    public const string AssessmentExists = nameof(AssessmentExists);
    public const string AssessmentGone = nameof(AssessmentGone);
    public const string AssessmentHasResults = nameof(AssessmentHasResults);
    public const string PracticalPartStays = nameof(PracticalPartStays);
    public const string SurveyExists = nameof(SurveyExists);
    public const string SurveyGone = nameof(SurveyGone);
    public const string SurveyItemsBuilt = nameof(SurveyItemsBuilt);
    public const string SurveyHasResponses = nameof(SurveyHasResponses);

    /// <summary>The message in English (the neutral resources), as the REST API returns it.</summary>
    public static string English(string code, IReadOnlyList<string> arguments) => Format(code, arguments, CultureInfo.InvariantCulture);

    public static string Format(string code, IReadOnlyList<string> arguments, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var format = Resources.GetString(code, culture) ?? code;
        return string.Format(culture, format, [.. arguments]);
    }
}
