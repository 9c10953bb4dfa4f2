namespace TrainingEval.Dashboard.Features.Surveys;

/// <summary>Texts of surveys built and answered in the app: HR's item editor, the learner's card and form (.resx files beside this class).</summary>
public sealed class SurveyStrings;
