namespace TrainingEval.Dashboard.Features.Notifications;

/// <summary>Texts of the notification bell, the notification centre and the weekly digest (.resx files beside this class).</summary>
public sealed class NotificationStrings;
