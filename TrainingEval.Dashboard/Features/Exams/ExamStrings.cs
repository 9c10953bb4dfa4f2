namespace TrainingEval.Dashboard.Features.Exams;

/// <summary>Texts of exams (考试): the question bank page, its form and the service's messages (.resx files beside this class).</summary>
public sealed class ExamStrings;
