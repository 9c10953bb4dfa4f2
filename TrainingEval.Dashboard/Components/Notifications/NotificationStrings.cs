namespace TrainingEval.Dashboard.Components.Notifications;

/// <summary>Texts of the notification bell, the notification centre and the weekly digest (Resources/Components/Notifications/NotificationStrings*.resx).</summary>
public sealed class NotificationStrings;
