namespace TrainingEval.Dashboard.Features.Applications;

/// <summary>Texts of the application cases (训后应用案例): the learner's card and form, the mentor's waiting list (.resx files beside this class).</summary>
public sealed class ApplicationStrings;
